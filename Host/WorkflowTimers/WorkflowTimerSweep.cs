using GridCase.Host.Hosting;
using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkflowTimers;

/// <summary>
/// Fires the due workflow timers: every minute (whatever no job fired), and with in-memory storage at each second at which the
/// timer horizon knows one falls due. The timer row's FiredAt decides, so none fires twice.
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class WorkflowTimerSweep(GridCaseDbContext db, IServiceScopeFactory scopes, TimeProvider clock) : ISweep
{
    public static string JobId => "workflow-timer-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<WorkflowTimer>().AsNoTracking().Where(t => t.FiredAt == null && t.DueAt <= now).Select(t => t.Id).ToListAsync(cancellationToken);
        return await SweepItems.FireEachAsync(due, scopes, "workflow timers",
            (services, id) => services.GetRequiredService<WorkflowTimerJob>().FireAsync(id, cancellationToken), cancellationToken);
    }

    /// <summary>The pending timers' instants in (after, until], for the timer horizon.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> PendingAsync(DateTimeOffset? after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var from = after ?? DateTimeOffset.MinValue;
        return await db.Set<WorkflowTimer>().AsNoTracking().Where(t => t.FiredAt == null && t.DueAt > from && t.DueAt <= until)
            .Select(t => t.DueAt).ToListAsync(cancellationToken);
    }
}
