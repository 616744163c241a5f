using GridCase.Domain.WorkItems;
using GridCase.Host.Hosting;
using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Timers;

/// <summary>
/// Every minute, fires the warnings and overdues that no job fired. The work item's instants decide, so a sweep and a
/// job never both count.
/// </summary>
/// <remarks>Not retried by Hangfire: the next sweep is a minute away.</remarks>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class SlaSweep(GridCaseDbContext db, IServiceScopeFactory scopes, TimerScheduler scheduler, TimeProvider clock) : ISweep
{
    public static string JobId => "sla-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open && w.SuspendedAt == null
                        && ((w.Sla == SlaState.Normal && w.WarnAt <= now) || (w.Sla != SlaState.Overdue && w.DueAt <= now)))
            .Select(w => new { w.Id, Overdue = w.DueAt <= now })
            .ToListAsync(cancellationToken);
        return await SweepItems.FireEachAsync(due, scopes, "SLA timers (see GET /api/timers/failed)",
            (services, item) => services.GetRequiredService<SlaTimerJob>()
                .FireAsync(item.Id, item.Overdue ? SlaState.Overdue : SlaState.Warning, cancellationToken), cancellationToken);
    }

    public async Task RescheduleAsync(CancellationToken cancellationToken) =>
        scheduler.Schedule(await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open && w.SuspendedAt == null && w.Sla != SlaState.Overdue && w.DueAt != null)
            .ToListAsync(cancellationToken));
}
