using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Timers;

/// <summary>
/// Fires a work item's warning or overdue. The work item's instants are the truth: a job that runs early,
/// late, twice, on two nodes, or after an extension moved the deadline does nothing more than once per
/// deadline (SLA episode). A failure is recorded for GET /api/timers/failed and thrown, so that the
/// Hangfire job fails where the dashboard shows it.
/// </summary>
public sealed class SlaTimerJob(
    GridCaseDbContext db, UnitOfWork unit, CaseWorkflow workflow, TimerFailures failures, TimeProvider clock, ILogger<SlaTimerJob> log)
{
    /// <summary>No Hangfire retries: the minutely sweep fires a missed instant again, and a failure shows at once.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task FireAsync(Guid workItemId, SlaState level, CancellationToken cancellationToken)
    {
        try
        {
            // On a server database a racing writer's supervision entry may hold the unique index: look again.
            var raised = await unit.RunAsync(ct => RaiseAsync(workItemId, level, ct), cancellationToken, retryAlso: _ => true);
            if (raised.Count > 0) log.LogInformation("work item {WorkItem}: {Levels}", workItemId, string.Join(", ", raised));
            if (level == SlaState.Overdue) await workflow.ApplyOverdueOutcomeAsync(workItemId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failures.RecordAsync(workItemId, level, e, cancellationToken);
            throw;
        }
    }

    private async Task<List<SlaState>> RaiseAsync(Guid workItemId, SlaState level, CancellationToken cancellationToken)
    {
        await failures.ClearAsync(workItemId, level, cancellationToken);
        var item = await db.WorkItems.SingleOrDefaultAsync(w => w.Id == workItemId, cancellationToken);
        if (item is null) return [];
        var now = clock.GetUtcNow();
        // An overdue item also passed its warning; raise that first so the journal tells both.
        SlaState[] levels = level == SlaState.Overdue ? [SlaState.Warning, SlaState.Overdue] : [SlaState.Warning];
        var raised = levels.Where(l => item.RaiseSla(l, now)).ToList();
        if (raised.Count == 0) return raised;

        var @case = await db.Cases.SingleAsync(c => c.Id == item.CaseId, cancellationToken);
        foreach (var l in raised)
        {
            db.Journal.Add(JournalEntry.Write(item.CaseId, now, item.Stage, item.ActivityId, l.ToString(), null, "system",
                l == SlaState.Overdue ? $"已超期 / overdue since {item.DueAt:u}" : $"临近截止 / due at {item.DueAt:u}"));
            db.SupervisionEntries.Add(SupervisionEntry.Raise(item, l, now));
        }
        // A co-handler's part or a summons runs late for its department (its item shows it), not for the case.
        if (raised.Contains(SlaState.Overdue) && item.CountsAgainstCase) @case.RecordLateWorkItem();
        return raised;
    }
}
