using Hangfire;

namespace GridCase.Host.Notifications;

/// <summary>On start: the minutely sweep, and one sweep at once for what was left undelivered before the restart.</summary>
public sealed class NotificationStartup(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<NotificationSweep>(NotificationSweep.JobId, s => s.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<NotificationSweep>(s => s.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
