using GridCase.Domain.Supervision;

namespace GridCase.CaseActivities;

/// <summary>
/// The supervision list (督办清单) as flows and Host features raise onto it: inside the caller's unit of work, it opens
/// the case's entry of the kind or, when one is open, updates it. The Host's <c>SupervisionList</c> implements it.
/// </summary>
public interface ISupervisionList
{
    ValueTask<SupervisionEntry> RaiseAsync(SupervisionRaise raise, CancellationToken cancellationToken);
}

/// <param name="ResponsibleOrgUnitCode">Who is held to account; null: the department the case was dispatched to, else its grid.</param>
/// <param name="WorkItemId">The work item whose lateness raised it, if one did.</param>
/// <param name="DueAt">When the supervision itself should be settled; null: a term by severity.</param>
public sealed record SupervisionRaise(
    Guid CaseId, SupervisionKind Kind, string Reason, SupervisionSeverity Severity, string Actor, DateTimeOffset Now,
    string? ResponsibleOrgUnitCode = null, Guid? WorkItemId = null, DateTimeOffset? DueAt = null);
