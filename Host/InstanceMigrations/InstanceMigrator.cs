using System.Text.Json;
using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Incidents;
using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.InstanceMigrations;

/// <summary>
/// Moves one instance of a migration in one unit of work: its bookmarks, open work items, flow timers and open
/// incidents go to the mapped activities, its version changes and the case's journal says so — or, when the
/// fresh plan is blocked, nothing moves and the entry says why. Work items keep their deadlines and SLA state and
/// timers their due instants (their jobs are keyed by id, so they fire as scheduled, now on the new version).
/// A writer that got to the instance first makes the unit start over from a fresh read; what cannot be done is
/// recorded as Failed with its reason, never half done.
/// </summary>
public sealed class InstanceMigrator(
    GridCaseDbContext db, UnitOfWork unit, MigrationPlanner planner, DefinitionStore definitions,
    HumanTask humanTask, IAssigneeScopes scopes, TimeProvider clock, ILogger<InstanceMigrator> log)
{
    public const string JournalEvent = "Migrated";

    public async Task<MigrationOutcome> MigrateAsync(long entryId, CancellationToken cancellationToken)
    {
        try
        {
            return await unit.RunAsync(ct => MoveAsync(entryId, ct), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "migration entry {Entry} failed", entryId);
            var reason = e is DbUpdateConcurrencyException
                ? "实例一直被同时修改，未迁移 / the instance kept changing while it was moved; nothing was moved"
                : $"迁移失败，未作任何改动 / the move failed and changed nothing: {e.Message}";
            await unit.RunAsync(async ct =>
            {
                var entry = await db.Set<WorkflowMigrationEntry>().SingleAsync(x => x.Id == entryId, ct);
                if (entry.Outcome == MigrationOutcome.Pending) entry.Finish(MigrationOutcome.Failed, reason, clock.GetUtcNow());
            }, cancellationToken);
            return MigrationOutcome.Failed;
        }
    }

    private async Task<MigrationOutcome> MoveAsync(long entryId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entry = await db.Set<WorkflowMigrationEntry>().SingleAsync(x => x.Id == entryId, ct);
        if (entry.Outcome != MigrationOutcome.Pending) return entry.Outcome;
        var migration = await db.Set<WorkflowMigration>().AsNoTracking().SingleAsync(m => m.Id == entry.MigrationId, ct);
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == entry.InstanceId, ct);
        if (instance.DefinitionId != migration.DefinitionId || instance.DefinitionVersion != migration.FromVersion)
            return Finish(entry, MigrationOutcome.Failed,
                $"实例已不在 v{migration.FromVersion}（现为 v{instance.DefinitionVersion}），未迁移 / the instance is no longer on v{migration.FromVersion} (now v{instance.DefinitionVersion})", now);
        if (instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
            return Finish(entry, MigrationOutcome.Failed, $"流程已{(instance.Status == WorkflowStatus.Finished ? "结束" : "取消")} / the workflow is {instance.Status}", now);

        var @case = await db.Cases.SingleAsync(c => c.Id == instance.CorrelationId, ct);
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(migration.ActivityMap) ?? [];
        var valid = new ValidMigration(
            await definitions.GetAsync(db, migration.DefinitionId, migration.FromVersion, ct),
            await definitions.GetAsync(db, migration.DefinitionId, migration.ToVersion, ct), map, DryRun: false);
        var state = instance.LoadState();
        var plan = planner.Plan(valid, state, @case);
        if (plan.Blocked)
            return Finish(entry, MigrationOutcome.Blocked, string.Join("; ", plan.Blockers.Select(b => $"{b.ActivityId}: {b.Message}")), now);

        instance.MigrateTo(valid.To.Version, InstanceMigration.Apply(plan, valid.To, state), now);
        var moved = plan.Moves.ToDictionary(m => m.From, m => m.To);
        var bookmarkIds = state.Bookmarks.Select(b => b.Id).ToList();
        foreach (var item in await db.WorkItems.Where(w => bookmarkIds.Contains(w.Id) && w.Status == WorkItemStatus.Open).ToListAsync(ct))
            Move(item, valid.To.Find(moved[item.ActivityId])!, @case);
        foreach (var timer in await db.WorkflowTimers.Where(t => bookmarkIds.Contains(t.Id) && t.FiredAt == null).ToListAsync(ct))
            timer.ActivityId = moved[timer.ActivityId];
        foreach (var incident in await db.Incidents.Where(i => i.InstanceId == instance.Id && i.Status == IncidentStatus.Open).ToListAsync(ct))
            if (moved.TryGetValue(incident.ActivityId, out var to)) incident.MoveTo(to);

        var where = string.Join(", ", plan.Moves.Select(m => m.From == m.To ? m.From : $"{m.From} → {m.To}"));
        db.Journal.Add(JournalEntry.Write(@case.Id, now, @case.Stage, null, JournalEvent, null, migration.RequestedBy,
            $"流程版本迁移 v{migration.FromVersion} → v{migration.ToVersion} / workflow version migrated v{migration.FromVersion} → v{migration.ToVersion}" +
            (where.Length > 0 ? $": {where}" : "")));
        return Finish(entry, MigrationOutcome.Migrated, where, now);
    }

    /// <summary>A human task's work item takes the new task's name, outcomes, role and scope; any other keeps them.</summary>
    private void Move(WorkItem item, ActivityNode target, Case @case)
    {
        if (target.Type != humanTask.Descriptor.Type)
        {
            item.MoveTo(target.Id, item.Name, item.Role, item.ScopeOrgUnitCode, item.Outcomes);
            return;
        }
        var role = humanTask.Role.Literal(target) ?? item.Role;
        var scope = humanTask.Scope.Literal(target) is { } s ? scopes.Resolve(s, @case) ?? item.ScopeOrgUnitCode : item.ScopeOrgUnitCode;
        item.MoveTo(target.Id, target.Name ?? target.Id, role, scope, humanTask.Outcomes.Literal(target));
    }

    private static MigrationOutcome Finish(WorkflowMigrationEntry entry, MigrationOutcome outcome, string? reason, DateTimeOffset now)
    {
        entry.Finish(outcome, reason, now);
        return outcome;
    }
}
