using GridCase.Host.Timers;
using GridCase.Host.WorkflowTimers;
using Hangfire;

namespace GridCase.Host.Hosting;

/// <summary>
/// Every minute, and once on start, with in-memory storage: moves the timer horizon on and schedules a sweep at each second
/// of the next window at which an SLA instant or a workflow timer falls due, read from the rows (the truth).
/// </summary>
/// <remarks>Not retried by Hangfire: a failed load gives the window back, and the next one is a minute away.</remarks>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class TimerHorizonJob(TimerHorizon horizon, SlaSweep sla, WorkflowTimerSweep flows)
{
    public const string JobId = "timer-horizon";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (horizon.HoldsEveryTimer) return;
        var (after, until) = horizon.Advance();
        try
        {
            horizon.SweepAt<SlaSweep>(await sla.PendingAsync(after, until, cancellationToken));
            horizon.SweepAt<WorkflowTimerSweep>(await flows.PendingAsync(after, until, cancellationToken));
        }
        catch
        {
            horizon.GiveBack(after, until);
            throw;
        }
    }
}
