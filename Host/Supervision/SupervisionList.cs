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
        var entry = await OpenEntryAsync(raise.CaseId, raise.Kind, cancellationToken);
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
