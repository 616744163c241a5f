using GridCase.CaseActivities;
using GridCase.Domain.Cases;

namespace GridCase.Host.Runtime.Outcomes;

/// <summary>评价: an outcome that names an <see cref="Evaluation"/> is the resident's verdict.</summary>
public sealed class CaseEvaluated : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Evaluate;
    public string? Outcome => null;

    public ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        if (Enum.TryParse<Evaluation>(outcome.Stimulus.Outcome, out var evaluation))
            outcome.Case.Evaluate(evaluation);
        return ValueTask.CompletedTask;
    }
}
