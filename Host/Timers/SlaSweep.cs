using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Timers;

/// <summary>
/// Every minute, fires whatever is due that no job fired: jobs lost with in-memory storage on a restart,
/// or on a node that died. The database's instants decide, so a sweep and a job never both count.
/// </summary>
public sealed class SlaSweep(GridCaseDbContext db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlaSweep> log)
{
    public const string JobId = "sla-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open && w.SuspendedAt == null
                        && ((w.Sla == SlaState.Normal && w.WarnAt <= now) || (w.Sla != SlaState.Overdue && w.DueAt <= now)))
            .Select(w => new { w.Id, Overdue = w.DueAt <= now })
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            // Each item in its own scope, and a failure is logged and left to the next sweep: one bad item
            // must not hold back the timers of all the others.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SlaTimerJob>()
                    .FireAsync(item.Id, item.Overdue ? SlaState.Overdue : SlaState.Warning, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "SLA sweep could not fire work item {WorkItem}", item.Id);
            }
        }
        return due.Count;
    }
}
