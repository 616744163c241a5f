namespace GridCase.Host.Hosting;

/// <summary>
/// A minutely pass over rows whose instants are the truth (SLA deadlines, workflow timers, undelivered notifications):
/// it fires whatever is due that no Hangfire job fired — jobs lost with in-memory storage on a restart, or on a node
/// that died. Registered with <see cref="SweepStartup{TSweep}"/>; with in-memory storage the <see cref="TimerHorizon"/>
/// also runs the timer sweeps at the instants they know of.
/// </summary>
public interface ISweep
{
    static abstract string JobId { get; }

    Task<int> RunAsync(CancellationToken cancellationToken);
}
