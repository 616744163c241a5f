using GridCase.Domain.Cases;

namespace GridCase.Domain.WorkItems;

/// <summary>督办: a work item that ran into its warning or overdue time, listed for supervisors.</summary>
public sealed class SupervisionEntry
{
    private SupervisionEntry() { }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid WorkItemId { get; private set; }
    public CaseStage Stage { get; private set; }
    public SlaState Level { get; private set; }
    /// <summary>The work item's SLA episode (deadline) this entry was raised for.</summary>
    public int Episode { get; private set; }
    public string ScopeOrgUnitCode { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }

    public static SupervisionEntry Raise(WorkItem item, SlaState level, DateTimeOffset now) => new()
    {
        CaseId = item.CaseId, WorkItemId = item.Id, Stage = item.Stage, Level = level, Episode = item.SlaEpisode,
        ScopeOrgUnitCode = item.ScopeOrgUnitCode, RaisedAt = now, DueAt = item.DueAt,
    };
}
