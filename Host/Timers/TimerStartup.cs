using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Timers;

/// <summary>
/// On start: registers the minutely sweep, runs it once at once, and — when Hangfire's storage forgot
/// everything with the last process — schedules a job again for every pending instant.
/// </summary>
public sealed class TimerStartup(IServiceScopeFactory scopes, IRecurringJobManager recurring, IBackgroundJobClient jobs, JobStorage storage) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<SlaSweep>(SlaSweep.JobId, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<SlaSweep>(s => s.RunAsync(CancellationToken.None));
        if (storage is not InMemoryStorage) return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDbContext>();
        var pending = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open && w.SuspendedAt == null && w.Sla != SlaState.Overdue && w.DueAt != null)
            .ToListAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<TimerScheduler>().Schedule(pending);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
