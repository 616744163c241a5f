using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Timers;

/// <summary>Timers that failed to fire, as admins see them: recorded by the job that failed, removed when it fires.</summary>
public sealed class TimerFailures(GridCaseDbContext db, TimeProvider clock, ILogger<TimerFailures> log)
{
    /// <summary>Part of the firing's own unit of work: a timer that fires is no longer failing.</summary>
    public async Task ClearAsync(IReadOnlyCollection<SlaTimer> timers, CancellationToken cancellationToken)
    {
        var ids = timers.Select(t => t.WorkItemId).ToList();
        var firing = timers.ToHashSet();
        foreach (var failure in await db.TimerFailures.Where(f => ids.Contains(f.WorkItemId)).ToListAsync(cancellationToken))
            if (firing.Contains(new SlaTimer(failure.WorkItemId, failure.Level)))
                db.TimerFailures.Remove(failure);
    }

    /// <summary>After the firing's unit of work failed and rolled back: counts the attempt, on a clean context.</summary>
    public async Task RecordAsync(Guid workItemId, SlaState level, Exception error, CancellationToken cancellationToken)
    {
        log.LogError(error, "timer {Level} of work item {WorkItem} failed", level, workItemId);
        try
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var failure = await db.TimerFailures.SingleOrDefaultAsync(f => f.WorkItemId == workItemId && f.Level == level, cancellationToken);
            if (failure is null)
                db.TimerFailures.Add(failure = new TimerFailure { WorkItemId = workItemId, Level = level, FirstFailedAt = now });
            var text = $"{error.GetType().Name}: {error.Message}";
            failure.Error = text.Length <= TimerFailure.MaxErrorLength ? text : text[..TimerFailure.MaxErrorLength];
            failure.FailedAt = now;
            failure.Attempts++;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another node recorded the same failure at the same moment; the job itself still fails below.
            log.LogWarning(e, "could not record the failure of timer {Level} of work item {WorkItem}", level, workItemId);
        }
    }

    public async Task<IReadOnlyList<TimerFailureDto>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.TimerFailures.AsNoTracking().ToListAsync(cancellationToken);
        var items = rows.Select(r => r.WorkItemId).ToHashSet();
        var cases = await db.WorkItems.AsNoTracking().Where(w => items.Contains(w.Id))
            .Select(w => new { w.Id, w.CaseId }).ToDictionaryAsync(w => w.Id, w => w.CaseId, cancellationToken);
        return [.. rows.OrderByDescending(r => r.FailedAt).Select(r => new TimerFailureDto(
            r.WorkItemId, cases.TryGetValue(r.WorkItemId, out var c) ? c : null, r.Level.ToString(), r.Error, r.FirstFailedAt, r.FailedAt, r.Attempts))];
    }
}

public sealed record TimerFailureDto(
    Guid WorkItemId, Guid? CaseId, string Level, string Error, DateTimeOffset FirstFailedAt, DateTimeOffset FailedAt, int Attempts);
