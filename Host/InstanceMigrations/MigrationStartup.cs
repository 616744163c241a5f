using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.InstanceMigrations;

/// <summary>
/// On start, a job again for every migration still running: in-memory Hangfire storage forgets its queue on a
/// restart. With a persistent storage the extra job finds the same pending entries; each entry is moved once,
/// because its unit of work skips one that is no longer pending.
/// </summary>
public sealed class MigrationStartup(IServiceScopeFactory scopes, IBackgroundJobClient jobs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var running = await scope.ServiceProvider.GetRequiredService<GridCaseDbContext>().Set<WorkflowMigration>().AsNoTracking()
            .Where(m => m.Status == MigrationStatus.Running).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in running) MigrationJob.Enqueue(jobs, id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
