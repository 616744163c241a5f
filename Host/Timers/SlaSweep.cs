using GridCase.Domain.WorkItems;
using GridCase.Host.Hosting;
using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Timers;

/// <summary>
/// Fires every warning and overdue that is due and not yet raised, many to a transaction. Runs every minute (whatever no job
/// fired), and with in-memory storage also at each second at which the timer horizon knows something falls due. The work
/// item's instants decide, so a sweep and a job never both count.
/// </summary>
/// <remarks>Not retried by Hangfire: the next sweep is a minute away.</remarks>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class SlaSweep(GridCaseDbContext db, IServiceScopeFactory scopes, SlaSweepGate gate, IOptions<TimerOptions> options, TimeProvider clock)
    : ISweep
{
    private static readonly SlaState[] NotOverdue = [SlaState.Normal, SlaState.Warning];

    public static string JobId => "sla-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var errors = new List<Exception>();
        var outcomes = new List<Guid>();
        int count;
        // One sweep at a time in this process: a second one (the next second's, the minutely one) would only read the same
        // rows and lose every race for them; waiting, it reads what is left once the first is done.
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            // Two range reads on (Status, Sla, WarnAt) and (Status, Sla, DueAt): only what is due, however many rows are open.
            var overdue = await Open().Where(w => NotOverdue.Contains(w.Sla) && w.DueAt <= now).Select(w => w.Id).ToListAsync(cancellationToken);
            var warning = await Open().Where(w => w.Sla == SlaState.Normal && w.WarnAt <= now).Select(w => w.Id).ToListAsync(cancellationToken);
            var late = overdue.ToHashSet();
            List<SlaTimer> due = [.. overdue.Select(id => new SlaTimer(id, SlaState.Overdue)),
                .. warning.Where(id => !late.Contains(id)).Select(id => new SlaTimer(id, SlaState.Warning))];
            count = due.Count;
            foreach (var batch in due.Chunk(options.Value.BatchSize))
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    outcomes.AddRange(await scope.ServiceProvider.GetRequiredService<SlaTimerJob>().RaiseAllAsync(batch, cancellationToken));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One timer that cannot fire must not hold back its batch: each on its own, each failure recorded.
                    errors.AddRange(await FailuresOfAsync(SweepItems.FireEachAsync(batch, scopes, "SLA timers",
                        (services, t) => services.GetRequiredService<SlaTimerJob>().FireAsync(t.WorkItemId, t.Level, cancellationToken), cancellationToken)));
                }
        }
        finally
        {
            gate.Release();
        }
        // The flows' overdue outcomes are stimuli of their own: outside the gate, so that the next second's timers need not wait for them.
        errors.AddRange(await FailuresOfAsync(SweepItems.FireEachAsync(outcomes, scopes, "overdue outcomes",
            (services, id) => services.GetRequiredService<SlaTimerJob>().ApplyOverdueOutcomeAsync(id, cancellationToken), cancellationToken)));
        if (errors.Count > 0)
            throw new AggregateException($"{errors.Count} of {count} SLA timers (see GET /api/timers/failed) failed", errors);
        return count;
    }

    private static async Task<IReadOnlyCollection<Exception>> FailuresOfAsync(Task<int> fired)
    {
        try
        {
            await fired;
            return [];
        }
        catch (AggregateException failed)
        {
            return failed.InnerExceptions;
        }
    }

    /// <summary>The pending warnings and overdues in (after, until], for the timer horizon.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> PendingAsync(DateTimeOffset? after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var from = after ?? DateTimeOffset.MinValue;
        var warnings = await Open().Where(w => w.Sla == SlaState.Normal && w.WarnAt > from && w.WarnAt <= until)
            .Select(w => w.WarnAt!.Value).ToListAsync(cancellationToken);
        var dues = await Open().Where(w => NotOverdue.Contains(w.Sla) && w.DueAt > from && w.DueAt <= until)
            .Select(w => w.DueAt!.Value).ToListAsync(cancellationToken);
        return [.. warnings, .. dues];
    }

    private IQueryable<WorkItem> Open() => db.WorkItems.AsNoTracking().Where(w => w.Status == WorkItemStatus.Open && w.SuspendedAt == null);
}

/// <summary>A warning or overdue to fire.</summary>
public sealed record SlaTimer(Guid WorkItemId, SlaState Level);

/// <summary>Lets one SLA sweep run at a time in this process.</summary>
public sealed class SlaSweepGate() : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    public void Release() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
