using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;

namespace GridCase.Host.Supervision;

/// <summary>
/// 联合督办's work items: opened by a supervisor beside the flow, not by it, so no bookmark waits on them. Their
/// department submits its part through the usual completion endpoint, which hands them here instead of to the engine.
/// </summary>
public static class JointSupervision
{
    public const string Outcome = "Submit";
    private const string ActivityPrefix = "joint-supervision-";

    public static string ActivityIdOf(long entryId) => $"{ActivityPrefix}{entryId}";

    public static bool Owns(WorkItem item) => item.ActivityId.StartsWith(ActivityPrefix, StringComparison.Ordinal);

    /// <returns>The case's id.</returns>
    public static Guid Complete(GridCaseDbContext db, WorkItem item, string actor, string outcome, string? comment, DateTimeOffset now)
    {
        if (!item.Outcomes.Contains(outcome))
            throw DomainException.Field("outcome", $"结果须为 {string.Join(" | ", item.Outcomes)} / outcome must be one of {string.Join(", ", item.Outcomes)}");
        item.Complete(actor, outcome, comment, now);
        db.Journal.Add(JournalEntry.Write(item.CaseId, now, item.Stage, item.ActivityId, "JointPartSubmitted", outcome, actor,
            $"{item.ScopeOrgUnitCode}: {comment}"));
        return item.CaseId;
    }
}
