using GridCase.Domain.Cases;
using GridCase.Workflows.Runtime;

namespace GridCase.CaseActivities;

/// <summary>
/// What an outcome of a human task means for the case, for one stage of the loop (e.g. Accept/Accept
/// classifies it). Flows decide where an outcome leads; handlers decide what it records, so every flow counts
/// returns and rework alike. Registered in DI; a throw refuses the completion.
/// </summary>
public interface IStageOutcomeHandler
{
    CaseStage Stage { get; }

    /// <summary>The outcome handled; null for every outcome of the stage.</summary>
    string? Outcome { get; }

    ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken);
}

public sealed record StageOutcome(Case Case, CaseStage Stage, Stimulus Stimulus, DateTimeOffset Now);
