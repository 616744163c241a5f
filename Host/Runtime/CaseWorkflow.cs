using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Callbacks;
using GridCase.Host.FlowBindings;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Supervision;
using GridCase.Host.Timers;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime;

/// <summary>
/// Where HTTP meets the engine: each stimulus loads the instance, runs the engine and saves everything
/// in one <see cref="UnitOfWork"/>. A lost race on the instance's or the case's concurrency token is retried
/// from scratch, so a completion is applied once or refused, never twice and never lost.
/// </summary>
public sealed class CaseWorkflow(
    GridCaseDbContext db,
    WorkflowEngine engine,
    DefinitionStore definitions,
    HumanTask humanTask,
    WorkItemDispatcher workItems,
    WorkflowTimers.StoredWorkflowTimers workflowTimers,
    IServiceProvider services,
    OrgDirectory org,
    FlowResolver flows,
    CallbackList callbacks,
    TimerScheduler timers,
    UnitOfWork unit,
    Whistles.CaseWhistle whistles,
    TimeProvider clock)
{
    /// <summary>
    /// Adds the new case (and what must be written with it, such as its idempotency key), runs its instance of
    /// the flow bound to it (latest published version) up to the first human task, and saves it all in one transaction.
    /// </summary>
    public async Task StartAsync(Case @case, string? categoryCode, string actor, CancellationToken cancellationToken, object? alongside = null)
    {
        var started = await unit.RunAsync(async ct =>
        {
            var work = await StartWithinAsync(@case, categoryCode, actor, ct);
            if (alongside is not null) db.Add(alongside);
            return work;
        }, cancellationToken);
        Schedule(started);
    }

    /// <summary>
    /// <see cref="StartAsync"/> inside the caller's unit of work (e.g. an alert deciding between folding and a new case
    /// in one transaction); the caller hands the result to <see cref="Schedule"/> once it has committed.
    /// </summary>
    public async Task<StartedWork> StartWithinAsync(Case @case, string? categoryCode, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var definitionId = await flows.DefinitionIdForAsync(@case.Channel, categoryCode, @case.ItemCode, cancellationToken);
        var definition = await definitions.LatestPublishedAsync(db, definitionId, cancellationToken);
        var instance = WorkflowInstance.Start(@case.Id, definition.DefinitionId, definition.Version, now);
        db.Cases.Add(@case);
        db.Journal.Add(JournalEntry.Write(@case.Id, @case.ReportedAt, CaseStage.Discover, null, "Reported", @case.Channel.ToString(), actor, null));
        db.WorkflowInstances.Add(instance);
        await engine.StartAsync(Run(definition, instance, @case, actor, now), cancellationToken);
        return new StartedWork(workItems.Opened(), workflowTimers.Added());
    }

    /// <summary>Schedules the SLA jobs and flow timers a committed start opened.</summary>
    public void Schedule(StartedWork started)
    {
        timers.Schedule(started.Opened);
        workflowTimers.Schedule(started.Waits);
    }

    public Task<Guid> CompleteAsync(
        Guid workItemId, ClaimsPrincipal user, string outcome, string? comment, JsonObject? data, CancellationToken cancellationToken) =>
        ResumeAsync(workItemId, user.UserName(), item => CanWork(user, item), outcome, comment, data, cancellationToken);

    /// <summary>
    /// A task whose flow names an outcome for running out of time (回访超期默认满意) gets it once it is
    /// overdue, completed by the system. Somebody completing it first wins; that is not an error.
    /// </summary>
    public async Task ApplyOverdueOutcomeAsync(Guid workItemId, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workItemId, cancellationToken);
        if (item is not { Status: WorkItemStatus.Open, Sla: SlaState.Overdue } || item.IsSuspended) return;
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == item.InstanceId, cancellationToken);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        if (definition.Find(item.ActivityId) is not { } node || humanTask.OverdueOutcome.Literal(node) is not { Length: > 0 } outcome) return;
        // 回访: an item that needs the resident's own answer gets no default; it waits on the callback list.
        if (item.Stage == CaseStage.Evaluate
            && (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == item.CaseId, cancellationToken)).NeedsResidentCallback)
        {
            await callbacks.FlagAsync(item, cancellationToken);
            return;
        }
        try
        {
            await ResumeAsync(workItemId, Actors.System, _ => true, outcome, humanTask.OverdueComment.Literal(node), null, cancellationToken);
        }
        catch (ConflictException)
        {
            // Completed or suspended meanwhile: the person was first, which is fine.
        }
    }

    private Task<Guid> ResumeAsync(
        Guid workItemId, string actor, Func<WorkItem, bool> mayWork, string outcome, string? comment, JsonObject? data, CancellationToken cancellationToken) =>
        MoveAsync(async ct =>
        {
            var item = await LoadWorkableAsync(workItemId, mayWork, ct);
            // A summons (报到) stands beside the flow: no step waits on it.
            if (item.Kind == WorkItemKind.Summons)
            {
                whistles.Answer(item, actor, outcome, comment);
                return item.CaseId;
            }
            if (JointSupervision.Owns(item)) return JointSupervision.Complete(db, item, actor, outcome, comment, clock.GetUtcNow());
            return await ReleaseAsync(item.InstanceId, new Stimulus(item.Id, outcome, comment, data, actor), ct);
        }, cancellationToken);

    /// <summary>
    /// Releases a bookmark that is not a work item (a timer, a signal) with an outcome, in one transaction with
    /// <paramref name="alongside"/> (e.g. marking the timer fired). A bookmark already released is a conflict.
    /// </summary>
    public Task<Guid> ResumeBookmarkAsync(
        Guid instanceId, Guid bookmarkId, string outcome, string actor, JsonObject? data, Func<CancellationToken, Task>? alongside, CancellationToken cancellationToken) =>
        MoveAsync(async ct =>
        {
            var caseId = await ReleaseAsync(instanceId, new Stimulus(bookmarkId, outcome, null, data, actor), ct);
            if (alongside is not null) await alongside(ct);
            return caseId;
        }, cancellationToken);

    /// <summary>
    /// Saves <paramref name="record"/> (an upload, a reporter's reply) and, in the same transaction, releases the bookmark
    /// <paramref name="waiting"/> finds on the case's running instance, if any. A lost race starts over from a fresh read,
    /// which then finds the bookmark gone: the event moves the flow once, and is recorded either way.
    /// </summary>
    public Task<Guid> RecordAndResumeAsync(
        Guid caseId, Func<WorkflowInstance, Workflows.Definitions.WorkflowDefinition, Bookmark?> waiting, string outcome, string actor,
        JsonObject? data, Func<CancellationToken, Task> record, CancellationToken cancellationToken) =>
        MoveAsync(async ct =>
        {
            await record(ct);
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CorrelationId == caseId, ct);
            if (instance.Status != WorkflowStatus.Running) return caseId;
            var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, ct);
            if (waiting(instance, definition) is { } bookmark)
                await ReleaseAsync(instance.Id, new Stimulus(bookmark.Id, outcome, null, data, actor), ct);
            return caseId;
        }, cancellationToken);

    /// <summary>
    /// Runs the activity an instance faulted at once more, on the version it runs, with today's data (the org tree,
    /// the case, its variables), in one transaction with <paramref name="alongside"/> (resolving the incident).
    /// A retry that throws again changes nothing and is a conflict that carries the new error.
    /// </summary>
    public Task<Guid> RetryAsync(Guid instanceId, string activityId, string actor, Func<CancellationToken, Task> alongside, CancellationToken cancellationToken) =>
        MoveAsync(async ct =>
        {
            var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId, ct);
            var @case = await db.Cases.SingleAsync(c => c.Id == instance.CorrelationId, ct);
            var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, ct);
            var run = Run(definition, instance, @case, actor, clock.GetUtcNow());
            await engine.RetryAsync(run, activityId, ct);
            if (run.State.Faults.FirstOrDefault(f => f.ActivityId == activityId) is { } again)
                throw new ConflictException($"重试仍失败 / the retry failed again: {again.Error}");
            await alongside(ct);
            return @case.Id;
        }, cancellationToken);

    /// <summary>
    /// 案结事未了: starts a finished case's instance again at its flow's SecondDispatch step, after
    /// <paramref name="reopen"/> has changed the case (in the same unit of work), so that round and history go on.
    /// </summary>
    public Task<Guid> ReopenAsync(Guid caseId, string actor, Action<Case, DateTimeOffset> reopen, CancellationToken cancellationToken) =>
        MoveAsync(async ct =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId, ct);
            var instance = await db.WorkflowInstances.SingleAsync(i => i.CorrelationId == caseId, ct);
            var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, ct);
            var now = clock.GetUtcNow();
            reopen(@case, now);
            var secondDispatch = definition.Root.Activities.FirstOrDefault(a => a.Type == nameof(SecondDispatch))
                ?? throw new ConflictException(
                    $"流程 {definition.DefinitionId} v{definition.Version} 没有二次派单环节 / the case's flow has no SecondDispatch step to reopen at");
            await engine.ReopenAsync(Run(definition, instance, @case, actor, now), secondDispatch.Id, ct);
            return @case.Id;
        }, cancellationToken);

    private async Task<Guid> ReleaseAsync(Guid instanceId, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId, cancellationToken);
        if (instance.Status != WorkflowStatus.Running)
            throw new ConflictException("流程已结束或已取消 / the workflow is no longer running");
        var @case = await db.Cases.SingleAsync(c => c.Id == instance.CorrelationId, cancellationToken);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        await engine.ResumeAsync(Run(definition, instance, @case, stimulus.Actor, clock.GetUtcNow()), stimulus, cancellationToken);
        return @case.Id;
    }

    /// <summary>
    /// One stimulus in one unit of work; the work items and timers it opened are scheduled once it commits. A lost
    /// race on the instance's or the case's token starts over from a fresh read, which then finds the work item
    /// closed or the bookmark gone.
    /// </summary>
    private async Task<Guid> MoveAsync(Func<CancellationToken, Task<Guid>> step, CancellationToken cancellationToken)
    {
        var (caseId, started) = await unit.RunAsync(async ct =>
        {
            var caseId = await step(ct);
            return (caseId, new StartedWork(workItems.Opened(), workflowTimers.Added()));
        }, cancellationToken);
        Schedule(started);
        return caseId;
    }

    public Task ClaimAsync(Guid workItemId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        unit.RunAsync(async ct => (await LoadWorkableAsync(workItemId, i => CanWork(user, i), ct)).Claim(user.UserName()), cancellationToken);

    public async Task<WorkItem> LoadWorkableAsync(Guid workItemId, Func<WorkItem, bool> mayWork, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.SingleOrDefaultAsync(w => w.Id == workItemId, cancellationToken)
            ?? throw new NotFoundException($"任务 {workItemId} 不存在 / no work item {workItemId}");
        if (!mayWork(item))
            throw new ForbiddenException("无权办理此任务 / your role or org unit does not cover this work item");
        if (item.Status != WorkItemStatus.Open)
            throw new ConflictException("任务已办结或已取消 / the work item is no longer open");
        return item;
    }

    public bool CanWork(ClaimsPrincipal user, WorkItem item) =>
        user.IsInRole(item.Role) && org.Covers(user.OrgUnitCode(), item.ScopeOrgUnitCode);

    /// <summary>A run of a case's instance: the case rides along for the case activities; their work items and journal go to this scope's DbContext.</summary>
    private WorkflowRun Run(Workflows.Definitions.WorkflowDefinition definition, WorkflowInstance instance, Case @case, string actor, DateTimeOffset now)
    {
        var run = new WorkflowRun(definition, instance, services, actor, now);
        run.Features.Set(new CaseRun(@case));
        return run;
    }
}

/// <summary>What a start opened, to schedule once its transaction has committed.</summary>
public sealed record StartedWork(IReadOnlyList<WorkItem> Opened, IReadOnlyList<WorkflowTimers.WorkflowTimer> Waits);
