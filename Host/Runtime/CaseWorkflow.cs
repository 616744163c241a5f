using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Callbacks;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Timers;
using GridCase.Workflows.Expressions;
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
    JavaScriptEvaluator evaluator,
    IWorkflowServices services,
    OrgDirectory org,
    CallbackList callbacks,
    TimerScheduler timers,
    UnitOfWork unit,
    TimeProvider clock)
{
    public const string DefaultDefinitionId = "case-lifecycle";

    /// <summary>
    /// Adds the new case (and what must be written with it, such as its idempotency key), runs its instance up
    /// to the first human task and saves it all in one transaction.
    /// </summary>
    public async Task StartAsync(Case @case, string actor, CancellationToken cancellationToken, object? alongside = null)
    {
        var run = await unit.RunAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var definition = await definitions.LatestPublishedAsync(db, DefaultDefinitionId, ct);
            var instance = WorkflowInstance.Start(@case.Id, definition.DefinitionId, definition.Version, now);
            db.Cases.Add(@case);
            if (alongside is not null) db.Add(alongside);
            db.Journal.Add(JournalEntry.Write(@case.Id, @case.ReportedAt, CaseStage.Discover, null, "Reported", @case.Channel.ToString(), actor, null));
            db.WorkflowInstances.Add(instance);
            var run = new WorkflowRun(definition, instance, @case, [], services, evaluator, actor, now);
            await engine.StartAsync(run, ct);
            Stage(run);
            return run;
        }, cancellationToken);
        timers.Schedule(run.NewWorkItems);
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
        var inputs = definition.Find(item.ActivityId)?.Inputs;
        if (inputs?["overdueOutcome"]?.ToString() is not { Length: > 0 } outcome) return;
        if (item.Stage == CaseStage.Evaluate
            && (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == item.CaseId, cancellationToken)).NeedsResidentCallback)
        {
            await callbacks.FlagAsync(item, cancellationToken);
            return;
        }
        try
        {
            await ResumeAsync(workItemId, "system", _ => true, outcome, inputs["overdueComment"]?.ToString(), null, cancellationToken);
        }
        catch (ConflictException)
        {
            // Completed or suspended meanwhile: the person was first, which is fine.
        }
    }

    /// <summary>Someone moving the instance or the case first makes the unit of work start over and look whether this work item is still open.</summary>
    private async Task<Guid> ResumeAsync(
        Guid workItemId, string actor, Func<WorkItem, bool> mayWork, string outcome, string? comment, JsonObject? data, CancellationToken cancellationToken)
    {
        var run = await unit.RunAsync(async ct =>
        {
            var item = await LoadWorkableAsync(workItemId, mayWork, ct);
            var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == item.InstanceId, ct);
            if (instance.Status != WorkflowStatus.Running)
                throw new ConflictException("流程已结束或已取消 / the workflow is no longer running");
            var @case = await db.Cases.SingleAsync(c => c.Id == item.CaseId, ct);
            var open = await db.WorkItems.Where(w => w.CaseId == @case.Id && w.Status == WorkItemStatus.Open).ToListAsync(ct);
            var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, ct);

            var run = new WorkflowRun(definition, instance, @case, open, services, evaluator, actor, clock.GetUtcNow());
            await engine.ResumeAsync(run, new Stimulus(item, outcome, comment, data, actor), ct);
            Stage(run);
            return run;
        }, cancellationToken);
        timers.Schedule(run.NewWorkItems);
        return run.Case.Id;
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

    private void Stage(WorkflowRun run)
    {
        db.WorkItems.AddRange(run.NewWorkItems);
        db.Journal.AddRange(run.Journal);
    }
}
