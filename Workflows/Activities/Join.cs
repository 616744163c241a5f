namespace GridCase.Workflows.Activities;

/// <summary>Waits until every activity connected into it has arrived, then continues once.</summary>
public sealed class Join : Activity, IJoinActivity
{
    protected override ActivityInfo Info { get; } = new(
        "Join", new("汇合", "Join"), ActivityCategories.Flow,
        new("等待所有进入的分支到达后继续", "Continues once every incoming branch has arrived."), ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var expected = context.Run.Definition.Root.Connections
            .Where(c => c.Target.Activity == context.Node.Id)
            .Select(c => c.Source.Activity)
            .ToHashSet();
        if (!expected.IsSubsetOf(context.Arrivals)) return ValueTask.FromResult(ActivityResult.Block);

        context.ClearArrivals();
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
