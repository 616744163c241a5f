using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Timers;

/// <summary>
/// Fires a work item's warning or overdue. The work item's instants are the truth: a job that runs early,
/// late, twice, on two nodes, or after an extension moved the deadline does nothing more than once.
/// </summary>
public sealed class SlaTimerJob(GridCaseDbContext db, CaseWorkflow workflow, WriteGate writes, TimeProvider clock, ILogger<SlaTimerJob> log)
{
    public async Task FireAsync(Guid workItemId, SlaState level, CancellationToken cancellationToken)
    {
        var overdue = false;
        using (await writes.EnterAsync(cancellationToken))
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var item = await db.WorkItems.SingleOrDefaultAsync(w => w.Id == workItemId, cancellationToken);
                if (item is null) return;
                var now = clock.GetUtcNow();
                // An overdue item also passed its warning; raise that first so the journal tells both.
                SlaState[] levels = level == SlaState.Overdue ? [SlaState.Warning, SlaState.Overdue] : [SlaState.Warning];
                var raised = levels.Where(l => item.RaiseSla(l, now)).ToList();
                if (raised.Count == 0) return;

                var @case = await db.Cases.SingleAsync(c => c.Id == item.CaseId, cancellationToken);
                foreach (var l in raised)
                {
                    db.Journal.Add(JournalEntry.Write(item.CaseId, now, item.Stage, item.ActivityId, l.ToString(), null, "system",
                        l == SlaState.Overdue ? $"已超期 / overdue since {item.DueAt:u}" : $"临近截止 / due at {item.DueAt:u}"));
                    db.SupervisionEntries.Add(SupervisionEntry.Raise(item, l, now));
                }
                overdue = raised.Contains(SlaState.Overdue);
                if (overdue) @case.RecordLateWorkItem();
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    break;
                }
                catch (DbUpdateException) when (attempt < 4)
                {
                    // Another node, a sweep or a completion changed the item first: its token moved, or on a server
                    // database the racing writer's supervision entry holds the unique index. Look again.
                }
            }
        }
        log.LogInformation("work item {WorkItem}: {Level}", workItemId, overdue ? SlaState.Overdue : SlaState.Warning);
        if (overdue) await workflow.ApplyOverdueOutcomeAsync(workItemId, cancellationToken);
    }
}
