using System.Text.Json;
using GridCase.Domain.Cases;
using GridCase.Host.Cases;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Runtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.InstanceMigrations;

/// <summary>Dry runs, starts and reports migrations of a flow's running instances to another published version.</summary>
public sealed class MigrationService(GridCaseDbContext db, MigrationPlanner planner, UnitOfWork unit, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<MigrationDryRunDto> DryRunAsync(string definitionId, ValidMigration migration, CancellationToken cancellationToken)
    {
        var rows = await (from i in planner.Candidates(definitionId, migration.From.Version).AsNoTracking()
                          join c in db.Cases.AsNoTracking() on i.CorrelationId equals c.Id
                          orderby c.Number
                          select new { Instance = i, Case = c }).ToListAsync(cancellationToken);
        var plans = rows.Select(r =>
        {
            var state = r.Instance.LoadState();
            var plan = planner.Plan(migration, state, r.Case);
            var active = plan.Moves.Select(m => m.From).Concat(plan.Blockers.Select(b => b.ActivityId)).Distinct();
            return new InstancePlanDto(
                r.Instance.Id, r.Case.Id, r.Case.Number, r.Instance.Status.ToString(), plan.Blocked,
                [.. active.Select(id => Position(migration.From, id))],
                [.. plan.Moves.Select(m => m.To).Distinct().Select(id => Position(migration.To, id))],
                [.. plan.Blockers.Select(b => new MigrationBlockerDto(b.ActivityId, b.Code, b.Message))]);
        }).ToList();
        return new MigrationDryRunDto(definitionId, migration.From.Version, migration.To.Version, migration.ActivityMap,
            plans.Count, plans.Count(p => !p.Blocked), plans.Count(p => p.Blocked), plans);
    }

    /// <summary>Records the migration and one pending entry per instance it takes, then leaves the moving to <see cref="MigrationJob"/>.</summary>
    public async Task<Guid> StartAsync(string definitionId, ValidMigration migration, string user, CancellationToken cancellationToken)
    {
        var id = await unit.RunAsync(async ct =>
        {
            var record = WorkflowMigration.Start(definitionId, migration.From.Version, migration.To.Version,
                JsonSerializer.Serialize(migration.ActivityMap), user, clock.GetUtcNow());
            db.Add(record);
            var instances = await planner.Candidates(definitionId, migration.From.Version).AsNoTracking()
                .Select(i => new { i.Id, i.CorrelationId }).ToListAsync(ct);
            db.AddRange(instances.Select(i => WorkflowMigrationEntry.Pending(record.Id, i.Id, i.CorrelationId)));
            return record.Id;
        }, cancellationToken);
        MigrationJob.Enqueue(jobs, id);
        return id;
    }

    public async Task<MigrationDto> GetAsync(
        string definitionId, Guid migrationId, MigrationOutcome? outcome, int page, int pageSize, CancellationToken cancellationToken)
    {
        var migration = await db.Set<WorkflowMigration>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == migrationId && m.DefinitionId == definitionId, cancellationToken)
            ?? throw new NotFoundException($"迁移 {migrationId} 不存在 / no migration {migrationId} of {definitionId}");
        var entries = db.Set<WorkflowMigrationEntry>().AsNoTracking().Where(e => e.MigrationId == migrationId);
        var counts = (await entries.GroupBy(e => e.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Key, c => c.Count);
        if (outcome is { } only) entries = entries.Where(e => e.Outcome == only);
        var rows = await (from e in entries
                          join c in db.Cases.AsNoTracking() on e.CaseId equals c.Id
                          orderby e.Id
                          select new { Entry = e, c.Number }).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return ToDto(migration, counts, new Page<MigrationEntryDto>([.. rows.Select(r => new MigrationEntryDto(
            r.Entry.InstanceId, r.Entry.CaseId, r.Number, r.Entry.Outcome.ToString(), r.Entry.Reason, r.Entry.At))],
            outcome is { } o ? counts.GetValueOrDefault(o) : counts.Values.Sum()));
    }

    /// <summary>The migrations of a flow, newest first, with their counts (no per-instance rows).</summary>
    public async Task<IReadOnlyList<MigrationDto>> ListAsync(string definitionId, CancellationToken cancellationToken)
    {
        var migrations = await db.Set<WorkflowMigration>().AsNoTracking().Where(m => m.DefinitionId == definitionId)
            .OrderByDescending(m => m.RequestedAt).Take(50).ToListAsync(cancellationToken);
        var ids = migrations.Select(m => m.Id).ToList();
        var counts = (await db.Set<WorkflowMigrationEntry>().AsNoTracking().Where(e => ids.Contains(e.MigrationId))
                .GroupBy(e => new { e.MigrationId, e.Outcome }).Select(g => new { g.Key.MigrationId, g.Key.Outcome, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.MigrationId);
        return [.. migrations.Select(m =>
        {
            var mine = counts[m.Id].ToDictionary(c => c.Outcome, c => c.Count);
            return ToDto(m, mine, new Page<MigrationEntryDto>([], mine.Values.Sum()));
        })];
    }

    private static MigrationDto ToDto(WorkflowMigration migration, Dictionary<MigrationOutcome, int> counts, Page<MigrationEntryDto> entries) => new(
        migration.Id, migration.DefinitionId, migration.FromVersion, migration.ToVersion,
        JsonSerializer.Deserialize<Dictionary<string, string>>(migration.ActivityMap) ?? [],
        migration.Status.ToString(), migration.RequestedBy, migration.RequestedAt, migration.CompletedAt,
        counts.Values.Sum(), counts.GetValueOrDefault(MigrationOutcome.Pending), counts.GetValueOrDefault(MigrationOutcome.Migrated),
        counts.GetValueOrDefault(MigrationOutcome.Blocked), counts.GetValueOrDefault(MigrationOutcome.Failed), entries);

    private static ActivityPositionDto Position(WorkflowDefinition definition, string activityId) =>
        definition.Find(activityId) is { } node ? new(node.Id, node.Name, node.Type) : new(activityId, null, "?");
}
