using GridCase.CaseActivities;
using GridCase.Domain.Supervision;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Runtime;

namespace GridCase.Host.Supervision;

/// <summary>What an overdue work item puts on the supervision list: the unit that should have worked it is held to account.</summary>
public static class OverdueSupervision
{
    public static SupervisionRaise For(WorkItem item, DateTimeOffset now)
    {
        // A summons (报到) of whistle-and-report that runs late is an unanswered summons, not plain overdue.
        var summons = item.Kind == WorkItemKind.Summons;
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
