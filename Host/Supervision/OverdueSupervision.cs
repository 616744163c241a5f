using GridCase.CaseActivities;
using GridCase.Domain.Supervision;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Runtime;

namespace GridCase.Host.Supervision;

/// <summary>What an overdue work item puts on the supervision list: the unit that should have worked it is held to account.</summary>
public static class OverdueSupervision
{
    /// <summary>
    /// Activity ids of summons (报到) tasks start with this: their lateness is an unanswered summons, not plain overdue.
    /// Whistle-and-report (吹哨报到) opens its report tasks under such ids.
    /// </summary>
    public const string SummonsActivityPrefix = "summons";

    public static SupervisionRaise For(WorkItem item, DateTimeOffset now)
    {
        var summons = item.ActivityId.StartsWith(SummonsActivityPrefix, StringComparison.Ordinal);
        return new SupervisionRaise(
            item.CaseId,
            summons ? SupervisionKind.SummonsUnanswered : SupervisionKind.Overdue,
            summons
                ? $"报到超期：{item.Name} / summons unanswered"
                : $"{item.Name} 超期 / overdue",
            summons ? SupervisionSeverity.High : SupervisionSeverity.Normal,
            Actors.System, now, item.ScopeOrgUnitCode, item.Id);
    }
}
