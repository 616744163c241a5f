using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Attachments;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime.Outcomes;

/// <summary>退单: the department says the case is not theirs; which department and why are kept for 改派 and 三定.</summary>
public sealed class CaseReturned(GridCaseDbContext db) : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Handle;
    public string? Outcome => "Return";

    public ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        db.CaseReturns.Add(CaseReturn.Record(outcome.Case, outcome.Stimulus.Comment, outcome.Stimulus.Actor, outcome.Now));
        return ValueTask.CompletedTask;
    }
}

/// <summary>The closure standard's evidence is checked when the handler says "done", while it can still be added.</summary>
public sealed class CaseHandled(GridCaseDbContext db) : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Handle;
    public string? Outcome => "Complete";

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken) =>
        await CheckHandlingEvidenceAsync(outcome, cancellationToken);

    private async ValueTask CheckHandlingEvidenceAsync(StageOutcome outcome, CancellationToken ct)
    {
        var required = outcome.Case.Catalog?.ClosureRequirements ?? [];
        var missing = new List<string>();
        if (required.Contains(ClosureRequirement.HandlerComment) && string.IsNullOrWhiteSpace(outcome.Stimulus.Comment))
            missing.Add("HandlerComment");
        foreach (var (requirement, kind) in new[] { (ClosureRequirement.AfterPhoto, "After"), (ClosureRequirement.BeforePhoto, "Before") })
            if (required.Contains(requirement) && !await HasAttachmentAsync(outcome.Case.Id, kind, ct))
                missing.Add(requirement.ToString());
        if (missing.Count > 0)
            throw new DomainException(
                $"未满足结案标准 / the closure standard needs: {string.Join(", ", missing)}",
                new Dictionary<string, string[]> { ["closureRequirements"] = [.. missing] });
    }

    /// <summary>
    /// Evidence of the current handling only: an after-photo from the department of a Handle task that is open
    /// now (rework or a second dispatch opens a new one, and older photos stop counting); a before-photo from
    /// the report, taken in before the first dispatch, or from a handling department.
    /// </summary>
    private async ValueTask<bool> HasAttachmentAsync(Guid caseId, string kind, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<AttachmentKind>(kind, out var k)) return false;
        var photos = db.Attachments.Where(a => a.CaseId == caseId && a.Kind == k);
        if (k == AttachmentKind.Before)
            return await photos.AnyAsync(a => a.AtIntake || a.HandleWorkItemId != null, cancellationToken);
        var current = db.WorkItems.Where(w => w.CaseId == caseId && w.Stage == CaseStage.Handle && w.Status == WorkItemStatus.Open).Select(w => (Guid?)w.Id);
        return await photos.AnyAsync(a => current.Contains(a.HandleWorkItemId), cancellationToken);
    }
}
