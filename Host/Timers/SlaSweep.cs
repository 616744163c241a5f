using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Timers;

/// <summary>
/// Every minute, fires whatever is due that no job fired: jobs lost with in-memory storage on a restart,
/// or on a node that died. The database's instants decide, so a sweep and a job never both count.
/// </summary>
public sealed class SlaSweep(GridCaseDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string JobId = "sla-sweep";

    /// <summary>Not retried by Hangfire: the next sweep is a minute away.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open && w.SuspendedAt == null
                        && ((w.Sla == SlaState.Normal && w.WarnAt <= now) || (w.Sla != SlaState.Overdue && w.DueAt <= now)))
            .Select(w => new { w.Id, Overdue = w.DueAt <= now })
            .ToListAsync(cancellationToken);
        var errors = new List<Exception>();
        foreach (var item in due)
        {
            // Each item in its own scope, and a failure (recorded by the job) does not hold back the timers of
            // all the others; the sweep fails at the end, so that Hangfire shows it failed too.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SlaTimerJob>()
                    .FireAsync(item.Id, item.Overdue ? SlaState.Overdue : SlaState.Warning, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add(e);
            }
        }
        if (errors.Count > 0)
            throw new AggregateException($"{errors.Count} of {due.Count} SLA timers failed; see GET /api/timers/failed", errors);
        return due.Count;
    }
}
