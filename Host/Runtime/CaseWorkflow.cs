using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Workflows.Expressions;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime;

/// <summary>
/// Where HTTP meets the engine: each stimulus loads the instance, runs the engine and saves everything
/// in one transaction. A lost race on the instance's concurrency token is retried from scratch, so a
/// completion is applied once or refused, never twice and never lost.
/// </summary>
public sealed class CaseWorkflow(
    GridCaseDbContext db,
    WorkflowEngine engine,
    DefinitionStore definitions,
    JavaScriptEvaluator evaluator,
    IWorkflowServices services,
    OrgDirectory org,
    TimeProvider clock)
{
    public const string DefaultDefinitionId = "case-lifecycle";
    private const int Attempts = 4;

    /// <summary>Adds the new case, starts its instance and saves both; the caller owns the transaction.</summary>
    public async Task StartAsync(Case @case, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var definition = await definitions.LatestPublishedAsync(db, DefaultDefinitionId, cancellationToken);
        var instance = WorkflowInstance.Start(@case.Id, definition.DefinitionId, definition.Version, now);
        db.Cases.Add(@case);
        db.Journal.Add(JournalEntry.Write(@case.Id, @case.ReportedAt, CaseStage.Discover, null, "Reported", @case.Channel.ToString(), actor, null));
        db.WorkflowInstances.Add(instance);
        var run = new WorkflowRun(definition, instance, @case, [], services, evaluator, actor, now);
        await engine.StartAsync(run, cancellationToken);
        Stage(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Guid> CompleteAsync(
        Guid workItemId, ClaimsPrincipal user, string outcome, string? comment, JsonObject? data, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var item = await LoadWorkableAsync(workItemId, user, cancellationToken);
            var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == item.InstanceId, cancellationToken);
            var @case = await db.Cases.SingleAsync(c => c.Id == item.CaseId, cancellationToken);
            var open = await db.WorkItems.Where(w => w.CaseId == @case.Id && w.Status == WorkItemStatus.Open).ToListAsync(cancellationToken);
            var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);

            var run = new WorkflowRun(definition, instance, @case, open, services, evaluator, user.UserName(), clock.GetUtcNow());
            await engine.ResumeAsync(run, new Stimulus(item, outcome, comment, data, user.UserName()), cancellationToken);
            Stage(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return @case.Id;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone moved the instance first; start over and see whether this work item is still open.
            }
        }
    }

    public async Task ClaimAsync(Guid workItemId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await LoadWorkableAsync(workItemId, user, cancellationToken);
        item.Claim(user.UserName());
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<WorkItem> LoadWorkableAsync(Guid workItemId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.SingleOrDefaultAsync(w => w.Id == workItemId, cancellationToken)
            ?? throw new NotFoundException($"任务 {workItemId} 不存在 / no work item {workItemId}");
        if (!CanWork(user, item))
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
