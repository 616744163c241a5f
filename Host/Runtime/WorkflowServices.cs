using GridCase.Domain.Attachments;
using GridCase.Domain.Calendars;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Domain.WorkItems;
using GridCase.Host.Calendars;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime;

/// <summary>Answers the engine's questions from the request's own DbContext, inside its transaction.</summary>
public sealed class WorkflowServices(GridCaseDbContext db, OrgDirectory org, CalendarService calendars) : IWorkflowServices
{
    public async ValueTask<CatalogSnapshot?> FindCatalogItemAsync(string itemCode, CancellationToken cancellationToken) =>
        (await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == itemCode && i.IsCurrent, cancellationToken))?.Snapshot();

    public bool IsDepartment(string orgUnitCode) => org.IsDepartment(orgUnitCode);

    /// <summary>
    /// Evidence of the current handling only: an after-photo from the department of a Handle task that is open
    /// now (rework or a second dispatch opens a new one, and older photos stop counting); a before-photo from
    /// the report, taken in before the first dispatch, or from a handling department.
    /// </summary>
    public async ValueTask<bool> HasAttachmentAsync(Guid caseId, string kind, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<AttachmentKind>(kind, out var k)) return false;
        var photos = db.Attachments.Where(a => a.CaseId == caseId && a.Kind == k);
        if (k == AttachmentKind.Before)
            return await photos.AnyAsync(a => a.AtIntake || a.HandleWorkItemId != null, cancellationToken);
        var current = db.WorkItems.Where(w => w.CaseId == caseId && w.Stage == CaseStage.Handle && w.Status == WorkItemStatus.Open).Select(w => (Guid?)w.Id);
        return await photos.AnyAsync(a => current.Contains(a.HandleWorkItemId), cancellationToken);
    }

    public TaskDeadline ComputeDeadline(DateTimeOffset start, string timeLimit, string calendar, double warnRatio, string scopeOrgUnitCode)
    {
        var kind = Enum.Parse<CalendarKind>(calendar);
        var workingCalendar = calendars.For(scopeOrgUnitCode);
        var due = DeadlineCalculator.Due(workingCalendar, start, new TimeLimit(timeLimit, kind));
        return new TaskDeadline(DeadlineCalculator.WarnAt(workingCalendar, start, due, kind, warnRatio), due);
    }
}
