using GridCase.Host.Persistence;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkflowTimers;

/// <summary>On start: the minutely sweep, one sweep at once, and with in-memory storage a job again for every pending timer.</summary>
public sealed class WorkflowTimerStartup(IServiceScopeFactory scopes, IRecurringJobManager recurring, IBackgroundJobClient jobs, JobStorage storage) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<WorkflowTimerSweep>(WorkflowTimerSweep.JobId, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<WorkflowTimerSweep>(s => s.RunAsync(CancellationToken.None));
        if (storage is not InMemoryStorage) return;
        await using var scope = scopes.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<GridCaseDbContext>().Set<WorkflowTimer>().AsNoTracking()
            .Where(t => t.FiredAt == null).ToListAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<StoredWorkflowTimers>().Schedule(pending);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
