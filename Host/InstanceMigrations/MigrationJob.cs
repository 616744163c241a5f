using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.InstanceMigrations;

/// <summary>
/// Works through a migration's pending instances one batch per Hangfire job, each instance in its own unit of work,
/// and hands the rest to the next job, so a long run spreads over workers and nodes and never holds one transaction.
/// </summary>
public sealed class MigrationJob(
    GridCaseDbContext db, UnitOfWork unit, IServiceScopeFactory scopes, IBackgroundJobClient jobs,
    IOptions<MigrationOptions> options, TimeProvider clock)
{
    public async Task RunBatchAsync(Guid migrationId, CancellationToken cancellationToken)
    {
        var size = Math.Max(1, options.Value.BatchSize);
        var batch = await Pending(migrationId).OrderBy(e => e.Id).Select(e => e.Id).Take(size).ToListAsync(cancellationToken);
        foreach (var entryId in batch)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<InstanceMigrator>().MigrateAsync(entryId, cancellationToken);
        }
        if (await Pending(migrationId).AnyAsync(cancellationToken))
        {
            Enqueue(jobs, migrationId);
            return;
        }
        await unit.RunAsync(async ct =>
        {
            var migration = await db.Set<WorkflowMigration>().SingleAsync(m => m.Id == migrationId, ct);
            if (migration.Status == MigrationStatus.Running) migration.Complete(clock.GetUtcNow());
        }, cancellationToken);
    }

    public static void Enqueue(IBackgroundJobClient jobs, Guid migrationId) =>
        jobs.Enqueue<MigrationJob>(j => j.RunBatchAsync(migrationId, CancellationToken.None));

    private IQueryable<WorkflowMigrationEntry> Pending(Guid migrationId) =>
        db.Set<WorkflowMigrationEntry>().AsNoTracking().Where(e => e.MigrationId == migrationId && e.Outcome == MigrationOutcome.Pending);
}
