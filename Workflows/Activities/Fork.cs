using GridCase.Workflows.Inputs;

namespace GridCase.Workflows.Activities;

/// <summary>Starts several branches at once, e.g. a lead handler and co-handlers (主办/协办) working in parallel.</summary>
public sealed class Fork : Activity
{
    protected override ActivityInfo Info => field ??= new(
        "Fork", new("并行分支", "Fork"), ActivityCategories.Flow,
        new("同时开启多个分支", "Starts every listed branch at once."), [], OutcomesFrom: Branches);

    public Input<IReadOnlyList<string>> Branches { get; } = Input.TextList("branches", "分支名", "branch names") with
    {
        Required = true, Default = ["Branch1", "Branch2"],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Done([.. context.Get(Branches)]));
}
