namespace GridCase.Host.Hosting;

/// <summary>
/// A minutely pass over rows whose instants are the truth (SLA deadlines, workflow timers, undelivered notifications):
/// it fires whatever is due that no Hangfire job fired — jobs lost with in-memory storage on a restart, or on a node
/// that died. Registered with <see cref="SweepStartup{TSweep}"/>.
/// </summary>
public interface ISweep
{
    static abstract string JobId { get; }

    Task<int> RunAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called on start when Hangfire's storage is in memory (it forgot every scheduled job with the last process):
    /// schedules a job again for each pending instant, so that it fires on time rather than at the next sweep.
    /// </summary>
    Task RescheduleAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
