using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;

namespace GridCase.CaseActivities;

/// <summary>二次派单: reopens the case for another round when the resident is not satisfied.</summary>
public sealed class SecondDispatch : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "SecondDispatch", new("二次派单", "Second dispatch"), ActivityCategories.Loop,
        new("群众不满意时重新打开案件，派单轮次加一", "Reopens the case; the dispatch round goes up by one."), ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        @case.StartSecondDispatch();
        context.Journal(CaseStage.Dispatch, "SecondDispatch", comment: $"round {@case.DispatchRound}");
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
