using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Domain.Supervision;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Supervision;

/// <summary>
/// Puts a case on the supervision list (督办清单), inside the caller's unit of work: the case's open entry of the kind
/// is updated, or a new one opened, and the case's journal says which. Every automatic trigger (overdue, unresolved,
/// rework, returns, unanswered summons), the AddToSupervision activity and a supervisor's manual entry go through here.
/// A racing writer that opened the same entry first makes the caller's save fail on the unique index; the caller's
/// unit of work retries (<see cref="IsRaceLost"/>) and then finds that entry and updates it.
/// </summary>
public sealed class SupervisionList(GridCaseDbContext db) : ISupervisionList
{
    public async ValueTask<SupervisionEntry> RaiseAsync(SupervisionRaise raise, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.FindAsync([raise.CaseId], cancellationToken)
            ?? throw new InvalidOperationException($"case {raise.CaseId} to supervise is missing");
        return Raise(@case, await OpenEntryAsync(raise.CaseId, raise.Kind, cancellationToken), raise);
    }

    /// <summary>
    /// Many raises at once (a batch of SLA timers): the open entries of all their cases in one read instead of one each. The
    /// cases must be tracked already; two raises of one case and kind raise, then retrigger, one entry.
    /// </summary>
    public async Task RaiseAllAsync(IReadOnlyCollection<SupervisionRaise> raises, CancellationToken cancellationToken)
    {
        if (raises.Count == 0) return;
        var caseIds = raises.Select(r => r.CaseId).ToHashSet();
        var kinds = raises.Select(r => r.Kind).ToHashSet();
        // The kinds too, so that SQLite seeks the unique (CaseId, Kind, OpenSlot) index: on OpenSlot alone it read every open entry.
        var open = await db.SupervisionEntries.Where(e => caseIds.Contains(e.CaseId) && kinds.Contains(e.Kind) && e.OpenSlot == 0)
            .ToListAsync(cancellationToken);
        var entries = open.Concat(db.SupervisionEntries.Local.Where(e => e.OpenSlot == 0 && caseIds.Contains(e.CaseId)))
            .DistinctBy(e => (e.CaseId, e.Kind)).ToDictionary(e => (e.CaseId, e.Kind));
        // Local once: each read of it runs DetectChanges over every tracked entity, which per raise made a batch quadratic.
        var cases = db.Cases.Local.Where(c => caseIds.Contains(c.Id)).ToDictionary(c => c.Id);
        foreach (var raise in raises)
        {
            var @case = cases.GetValueOrDefault(raise.CaseId)
                ?? throw new InvalidOperationException($"case {raise.CaseId} to supervise is missing");
            entries[(raise.CaseId, raise.Kind)] = Raise(@case, entries.GetValueOrDefault((raise.CaseId, raise.Kind)), raise);
        }
    }

    private SupervisionEntry Raise(Case @case, SupervisionEntry? entry, SupervisionRaise raise)
    {
        if (entry is null)
        {
            entry = SupervisionEntry.Raise(raise.CaseId, raise.Kind, raise.Reason, raise.Severity,
                raise.ResponsibleOrgUnitCode ?? @case.DepartmentCode ?? @case.Area.GridCode, @case.Area.GridCode,
                raise.WorkItemId, raise.Actor, raise.Now, raise.DueAt);
            db.SupervisionEntries.Add(entry);
            Journal(@case, raise, "SupervisionRaised");
        }
        else
        {
            entry.Retrigger(raise.Reason, raise.Severity, raise.WorkItemId, raise.Actor, raise.Now);
            entry.Version = Guid.NewGuid();
            Journal(@case, raise, "SupervisionUpdated");
        }
        return entry;
    }

    /// <summary>Whether a failed save lost the race for the one open entry of a case and kind (retry: it is there now).</summary>
    public static bool IsRaceLost(DbUpdateException e) => e.IsUniqueViolation();

    private async Task<SupervisionEntry?> OpenEntryAsync(Guid caseId, SupervisionKind kind, CancellationToken cancellationToken) =>
        db.SupervisionEntries.Local.FirstOrDefault(e => e.CaseId == caseId && e.Kind == kind && e.OpenSlot == 0)
        ?? await db.SupervisionEntries.SingleOrDefaultAsync(e => e.CaseId == caseId && e.Kind == kind && e.OpenSlot == 0, cancellationToken);

    private void Journal(Case @case, SupervisionRaise raise, string @event) =>
        db.Journal.Add(JournalEntry.Write(@case.Id, raise.Now, @case.Stage, null, @event, raise.Kind.ToString(), raise.Actor,
            $"{raise.Reason}（{raise.Severity}）"));
}
