using GridCase.Domain.Cases;

namespace GridCase.Workflows.Activities;

/// <summary>二次派单: reopens the case for another round when the resident is not satisfied.</summary>
public sealed class SecondDispatch : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "SecondDispatch", "二次派单", "Second dispatch", "闭环 / Loop",
        "群众不满意时重新打开案件，派单轮次加一 / Reopens the case; the dispatch round goes up by one.",
        [], ["Done"]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.Case.StartSecondDispatch();
        context.Journal(CaseStage.Dispatch, "SecondDispatch", comment: $"round {context.Case.DispatchRound}", actor: "system");
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
