using GridCase.Domain;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// Moves an instance forward for one stimulus: runs automatic activities until every branch waits on a
/// bookmark or the flow ends. It changes only the run's instance state and tells what it did through
/// <see cref="IWorkflowEventHandler"/>s; the caller saves it all in one transaction, so a refused step changes nothing.
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
        var bookmark = run.State.Bookmarks.FirstOrDefault(b => b.Id == stimulus.BookmarkId)
            ?? throw new ConflictException("流程已不在此处等待 / the workflow no longer waits on this bookmark");
        run.Stimulus = stimulus;
        var node = NodeOf(run.Definition, bookmark.ActivityId);
        var context = new ActivityExecutionContext(run, node, Activity(node));
        var result = await GuardAsync(context, () => context.Activity.ResumeAsync(context, stimulus, cancellationToken), cancellationToken);
        run.State.Bookmarks.Remove(bookmark);
        // An activity waiting on several bookmarks may take a stimulus and wait on: it was resumed all the same, leaving by no port.
        await RaiseAsync(run, new BookmarkResumed(context, bookmark, stimulus, result is ActivityResult.Completed completed ? completed.Ports : []), cancellationToken);

        var queue = new Queue<string>();
        await FollowAsync(context, result, queue, cancellationToken);
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
            var context = new ActivityExecutionContext(run, node, Activity(node));
            if (await ExecuteOrFaultAsync(context, cancellationToken) is not { } result) continue;
            if (result is ActivityResult.Completed completed)
                await RaiseAsync(run, new ActivityExecuted(context, completed.Ports), cancellationToken);
            foreach (var bookmark in context.NewBookmarks)
                await RaiseAsync(run, new BookmarkCreated(context, bookmark), cancellationToken);
            await FollowAsync(context, result, queue, cancellationToken);
        }
        run.Instance.Save(run.State, run.Finished, run.Now);
    }

    /// <summary>
    /// Runs the activity that faulted again (after its data, org tree or variables were fixed), on the version the
    /// instance runs. A second throw records the fault again with its new error.
    /// </summary>
    public async Task RetryAsync(WorkflowRun run, string activityId, CancellationToken cancellationToken)
    {
        var fault = run.State.Faults.FirstOrDefault(f => f.ActivityId == activityId)
            ?? throw new ConflictException($"流程未在 {activityId} 处出错 / the workflow has no fault at {activityId}");
        run.State.Faults.Remove(fault);
        await DrainAsync(run, new Queue<string>([activityId]), cancellationToken);
    }

    /// <summary>
    /// Starts a finished instance again at one of its activities, on the version it ran (a supervisor reopens a closed
    /// case at its second dispatch). Its variables stay; what it did before stays in the history it wrote.
    /// </summary>
    public async Task ReopenAsync(WorkflowRun run, string activityId, CancellationToken cancellationToken)
    {
        if (run.Instance.Status != WorkflowStatus.Finished)
            throw new ConflictException("流程尚未结束，无须重新打开 / the workflow has not finished, so it cannot be reopened");
        NodeOf(run.Definition, activityId);
        await DrainAsync(run, new Queue<string>([activityId]), cancellationToken);
    }

    /// <summary>
    /// An automatic step that throws does not undo the stimulus that led to it (a person's completion, a report):
    /// the instance is marked Faulted at the step, its bookmarks of this step are dropped, and the other branches go on.
    /// Activities read their inputs before they change anything, so a fault leaves nothing half done.
    /// </summary>
    private static async Task<ActivityResult?> ExecuteOrFaultAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await context.Activity.ExecuteAsync(context, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var run = context.Run;
            foreach (var bookmark in context.NewBookmarks) run.State.Bookmarks.Remove(bookmark);
            run.State.ActivityStates.Remove(context.Node.Id);
            var fault = new ActivityFault(context.Node.Id, e.Message, run.Now);
            run.State.Faults.RemoveAll(f => f.ActivityId == fault.ActivityId);
            run.State.Faults.Add(fault);
            await RaiseAsync(run, new ActivityFaulted(context, fault, e), cancellationToken);
            return null;
        }
    }

    /// <summary>Tells the handlers that a resumed activity threw (the stimulus is refused), then lets the error go on to the caller, who saves nothing.</summary>
    private static async Task<ActivityResult> GuardAsync(ActivityExecutionContext context, Func<ValueTask<ActivityResult>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RaiseAsync(context.Run, new WorkflowFaulted(context, e), cancellationToken);
            throw;
        }
    }

    private async Task FollowAsync(ActivityExecutionContext context, ActivityResult result, Queue<string> queue, CancellationToken cancellationToken)
    {
        var run = context.Run;
        switch (result)
        {
            case ActivityResult.Finished finished:
                run.Finished = true;
                var dropped = run.State.Bookmarks.ToList();
                run.State.Bookmarks.Clear();
                run.State.JoinArrivals.Clear();
                run.State.ActivityStates.Clear();
                await RaiseAsync(run, new WorkflowFinished(context, finished.Result, dropped), cancellationToken);
                break;
            case ActivityResult.Completed completed:
                foreach (var port in completed.Ports)
                foreach (var connection in run.Definition.From(context.Node.Id, port))
                {
                    var target = connection.Target.Activity;
                    if (run.Definition.Find(target) is { } targetNode && Activity(targetNode) is IJoinActivity)
                    {
                        var arrivals = run.State.JoinArrivals.TryGetValue(target, out var list) ? list : run.State.JoinArrivals[target] = [];
                        if (!arrivals.Contains(context.Node.Id)) arrivals.Add(context.Node.Id);
                    }
                    queue.Enqueue(target);
                }
                break;
        }
    }

    private static async Task RaiseAsync(WorkflowRun run, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        foreach (var handler in run.EventHandlers)
            await handler.HandleAsync(workflowEvent, cancellationToken);
    }

    private static ActivityNode NodeOf(WorkflowDefinition definition, string activityId) =>
        definition.Find(activityId) ?? throw new InvalidOperationException($"activity {activityId} is not in {definition.DefinitionId} v{definition.Version}");

    private IActivity Activity(ActivityNode node) =>
        registry.Find(node.Type) ?? throw new InvalidOperationException($"unknown activity type {node.Type}");
}
