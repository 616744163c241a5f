using GridCase.Domain;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// Moves an instance forward for one stimulus: runs automatic activities until every branch waits on a
/// bookmark or the flow ends. It changes only the objects of the <see cref="WorkflowRun"/>; the caller
/// saves them in one transaction, so a refused step changes nothing.
/// </summary>
public sealed class WorkflowEngine(ActivityRegistry registry)
{
    /// <summary>A flow that loops through this many automatic steps without waiting is broken, not busy.</summary>
    private const int MaxStepsPerStimulus = 500;

    public async Task StartAsync(WorkflowRun run, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in run.Definition.Variables ?? [])
            run.State.Variables[name] = value?.DeepClone();
        var queue = new Queue<string>(run.Definition.StartActivities().Select(a => a.Id));
        await DrainAsync(run, queue, cancellationToken);
    }

    public async Task ResumeAsync(WorkflowRun run, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var bookmark = run.State.Bookmarks.FirstOrDefault(b => b.Id == stimulus.WorkItem.Id)
            ?? throw new ConflictException("流程已不在此任务等待 / the workflow no longer waits on this work item");
        var node = NodeOf(run.Definition, bookmark.ActivityId);
        var context = new ActivityContext(run, node);
        var result = await Activity(node).ResumeAsync(context, stimulus, cancellationToken);
        run.State.Bookmarks.Remove(bookmark);

        var queue = new Queue<string>();
        Follow(run, node, result, queue);
        await DrainAsync(run, queue, cancellationToken);
    }

    private async Task DrainAsync(WorkflowRun run, Queue<string> queue, CancellationToken cancellationToken)
    {
        var steps = 0;
        while (!run.Finished && queue.TryDequeue(out var activityId))
        {
            if (++steps > MaxStepsPerStimulus)
                throw new InvalidOperationException($"workflow {run.Definition.DefinitionId} ran {MaxStepsPerStimulus} steps without waiting");
            var node = NodeOf(run.Definition, activityId);
            var result = await Activity(node).ExecuteAsync(new ActivityContext(run, node), cancellationToken);
            Follow(run, node, result, queue);
        }
        run.Instance.Save(run.State, run.Finished, run.Now);
    }

    private static void Follow(WorkflowRun run, ActivityNode node, ActivityResult result, Queue<string> queue)
    {
        switch (result)
        {
            case ActivityResult.Finished:
                Finish(run);
                break;
            case ActivityResult.Completed completed:
                foreach (var port in completed.Ports)
                foreach (var connection in run.Definition.From(node.Id, port))
                {
                    var target = connection.Target.Activity;
                    if (run.Definition.Find(target)?.Type == "Join")
                    {
                        var arrivals = run.State.JoinArrivals.TryGetValue(target, out var list) ? list : run.State.JoinArrivals[target] = [];
                        if (!arrivals.Contains(node.Id)) arrivals.Add(node.Id);
                    }
                    queue.Enqueue(target);
                }
                break;
        }
    }

    /// <summary>An End in one branch ends them all: tasks still open elsewhere are cancelled.</summary>
    private static void Finish(WorkflowRun run)
    {
        run.Finished = true;
        foreach (var item in run.OpenWorkItems.Concat(run.NewWorkItems).Where(i => i.Status == WorkItemStatus.Open))
            item.Cancel(run.Now);
        run.State.Bookmarks.Clear();
        run.State.JoinArrivals.Clear();
    }

    private static ActivityNode NodeOf(WorkflowDefinition definition, string activityId) =>
        definition.Find(activityId) ?? throw new InvalidOperationException($"activity {activityId} is not in {definition.DefinitionId} v{definition.Version}");

    private IActivity Activity(ActivityNode node) =>
        registry.Find(node.Type) ?? throw new InvalidOperationException($"unknown activity type {node.Type}");
}
