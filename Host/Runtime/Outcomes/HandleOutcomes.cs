using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Attachments;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Host.Persistence;

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
public sealed class CaseHandled(HandlingEvidence evidence) : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Handle;
    public string? Outcome => "Complete";

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        var required = outcome.Case.Catalog?.ClosureRequirements ?? [];
        var missing = new List<string>();
        if (required.Contains(ClosureRequirement.HandlerComment) && string.IsNullOrWhiteSpace(outcome.Stimulus.Comment))
            missing.Add("HandlerComment");
        foreach (var (requirement, kind) in new[] { (ClosureRequirement.AfterPhoto, AttachmentKind.After), (ClosureRequirement.BeforePhoto, AttachmentKind.Before) })
            if (required.Contains(requirement) && !await evidence.HasAsync(outcome.Case.Id, kind, cancellationToken))
                missing.Add(requirement.ToString());
        if (missing.Count > 0)
            throw new DomainException(
                $"未满足结案标准 / the closure standard needs: {string.Join(", ", missing)}",
                new Dictionary<string, string[]> { ["closureRequirements"] = [.. missing] });
    }
}

/// <summary>自行处置: a grid worker who solved it on the spot shows it with an after-photo of this round, whatever the item asks.</summary>
public sealed class CaseSolvedOnSpot(HandlingEvidence evidence) : IStageOutcomeHandler
{
    public const string SolvedOnSpot = nameof(SolvedOnSpot);

    public CaseStage Stage => CaseStage.Handle;
    public string? Outcome => SolvedOnSpot;

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        if (!await evidence.HasAsync(outcome.Case.Id, AttachmentKind.After, cancellationToken))
            throw new DomainException(
                "自行处置须上传处置后照片 / solving on the spot needs an after-photo",
                new Dictionary<string, string[]> { ["closureRequirements"] = [nameof(ClosureRequirement.AfterPhoto)] });
    }
}
