using GridCase.Host.Hosting;
using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkflowTimers;

/// <summary>Every minute, fires the due workflow timers that no job fired; the timer row's FiredAt decides, so none fires twice.</summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class WorkflowTimerSweep(GridCaseDbContext db, IServiceScopeFactory scopes, StoredWorkflowTimers timers, TimeProvider clock) : ISweep
{
    public static string JobId => "workflow-timer-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<WorkflowTimer>().AsNoTracking().Where(t => t.FiredAt == null && t.DueAt <= now).Select(t => t.Id).ToListAsync(cancellationToken);
        return await SweepItems.FireEachAsync(due, scopes, "workflow timers",
            (services, id) => services.GetRequiredService<WorkflowTimerJob>().FireAsync(id, cancellationToken), cancellationToken);
    }

    public async Task RescheduleAsync(CancellationToken cancellationToken) =>
        timers.Schedule(await db.Set<WorkflowTimer>().AsNoTracking().Where(t => t.FiredAt == null).ToListAsync(cancellationToken));
}
