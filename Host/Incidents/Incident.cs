namespace GridCase.Host.Incidents;

/// <summary>
/// 流程故障: an automatic activity of a case's instance threw. The step that led to it is kept; the instance
/// waits Faulted at the activity until someone fixes the cause and retries it.
/// </summary>
public sealed class Incident
{
    private Incident() { }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public Guid CaseId { get; private set; }
    public string ActivityId { get; private set; } = "";
    public string Error { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public IncidentStatus Status { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }

    public static Incident Open(Guid instanceId, Guid caseId, string activityId, string error, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        CaseId = caseId,
        ActivityId = activityId,
        Error = error,
        At = at,
        Status = IncidentStatus.Open,
    };

    /// <summary>The instance moved to another version of its flow, where the faulted step has this id.</summary>
    public void MoveTo(string activityId) => ActivityId = activityId;

    public void Resolve(string actor, DateTimeOffset at)
    {
        Status = IncidentStatus.Resolved;
        ResolvedAt = at;
        ResolvedBy = actor;
    }
}
