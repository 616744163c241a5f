namespace GridCase.Workflows.Activities;

/// <summary>Starts several branches at once, e.g. a lead handler and co-handlers (主办/协办) working in parallel.</summary>
public sealed class Fork : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Fork", "并行分支", "Fork", "流程 / Flow",
        "同时开启多个分支 / Starts every listed branch at once.",
        [new("branches", "stringList", "分支名 / branch names", Required: true, DefaultValue: new[] { "Branch1", "Branch2" })],
        [], OutcomesFromInput: "branches");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var branches = context.StringList("branches");
        return ValueTask.FromResult(ActivityResult.Done([.. branches]));
    }
}
