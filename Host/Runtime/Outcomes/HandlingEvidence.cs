using GridCase.Domain.Attachments;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime.Outcomes;

/// <summary>The photos that count as evidence of the handling going on now.</summary>
public sealed class HandlingEvidence(GridCaseDbContext db)
{
    /// <summary>
    /// Evidence of the current handling only: an after-photo from the unit of a Handle task that is open
    /// now (rework or a second dispatch opens a new one, and older photos stop counting); a before-photo from
    /// the report, taken in before the first dispatch, or from a handling unit.
    /// </summary>
    public async ValueTask<bool> HasAsync(Guid caseId, AttachmentKind kind, CancellationToken cancellationToken)
    {
        var photos = db.Attachments.Where(a => a.CaseId == caseId && a.Kind == kind);
        if (kind == AttachmentKind.Before)
            return await photos.AnyAsync(a => a.AtIntake || a.HandleWorkItemId != null, cancellationToken);
        var current = db.WorkItems.Where(w => w.CaseId == caseId && w.Stage == CaseStage.Handle && w.Status == WorkItemStatus.Open).Select(w => (Guid?)w.Id);
        return await photos.AnyAsync(a => current.Contains(a.HandleWorkItemId), cancellationToken);
    }
}
