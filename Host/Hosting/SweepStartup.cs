using Hangfire;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Hosting;

/// <summary>On start: registers the recurring sweep (Timers:SweepCron) and runs it once at once; the timer horizon schedules what falls due later.</summary>
public sealed class SweepStartup<TSweep>(IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<TimerOptions> options)
    : IHostedService where TSweep : class, ISweep
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<TSweep>(TSweep.JobId, s => s.RunAsync(CancellationToken.None), options.Value.SweepCron);
        jobs.Enqueue<TSweep>(s => s.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
