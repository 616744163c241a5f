using GridCase.Domain.Attachments;
using GridCase.Domain.Calendars;
using GridCase.Domain.Catalog;
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

    public async ValueTask<bool> HasAttachmentAsync(Guid caseId, string kind, CancellationToken cancellationToken) =>
        Enum.TryParse<AttachmentKind>(kind, out var k)
        && await db.Attachments.AnyAsync(a => a.CaseId == caseId && a.Kind == k, cancellationToken);

    public TaskDeadline ComputeDeadline(DateTimeOffset start, string timeLimit, string calendar, double warnRatio, string scopeOrgUnitCode)
    {
        var kind = Enum.Parse<CalendarKind>(calendar);
        var workingCalendar = calendars.For(scopeOrgUnitCode);
        var due = DeadlineCalculator.Due(workingCalendar, start, new TimeLimit(timeLimit, kind));
        return new TaskDeadline(DeadlineCalculator.WarnAt(workingCalendar, start, due, kind, warnRatio), due);
    }
}
