using Hangfire;
using Hangfire.InMemory;

namespace GridCase.Host.Hosting;

/// <summary>On start: registers the minutely sweep, runs it once at once, and with in-memory storage schedules the pending instants again.</summary>
public sealed class SweepStartup<TSweep>(IServiceScopeFactory scopes, IRecurringJobManager recurring, IBackgroundJobClient jobs, JobStorage storage)
    : IHostedService where TSweep : class, ISweep
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<TSweep>(TSweep.JobId, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<TSweep>(s => s.RunAsync(CancellationToken.None));
        if (storage is not InMemoryStorage) return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TSweep>().RescheduleAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
