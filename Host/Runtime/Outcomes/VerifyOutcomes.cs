using GridCase.CaseActivities;
using GridCase.Domain.Cases;

namespace GridCase.Host.Runtime.Outcomes;

/// <summary>核查通过.</summary>
public sealed class CaseVerified : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Verify;
    public string? Outcome => "Pass";

    public ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        outcome.Case.RecordVerificationPass();
        return ValueTask.CompletedTask;
    }
}

/// <summary>返工: verification failed on site.</summary>
public sealed class CaseSentBackForRework : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Verify;
    public string? Outcome => "Fail";

    public ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        outcome.Case.RecordRework();
        return ValueTask.CompletedTask;
    }
}
