namespace GridCase.Workflows.Activities;

/// <summary>Waits until every activity connected into it has arrived, then continues once.</summary>
public sealed class Join : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Join", "汇合", "Join", "流程 / Flow",
        "等待所有进入的分支到达后继续 / Continues once every incoming branch has arrived.",
        [], ["Done"]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var expected = context.Run.Definition.Root.Connections
            .Where(c => c.Target.Activity == context.Node.Id)
            .Select(c => c.Source.Activity)
            .ToHashSet();
        var arrived = context.Run.State.JoinArrivals.GetValueOrDefault(context.Node.Id) ?? [];
        if (!expected.IsSubsetOf(arrived)) return ValueTask.FromResult(ActivityResult.Block);

        context.Run.State.JoinArrivals.Remove(context.Node.Id);
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
