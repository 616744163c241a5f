namespace GridCase.Host.Incidents;

public sealed record IncidentDto(
    Guid Id, Guid CaseId, string CaseNumber, Guid InstanceId, string ActivityId, string Error, DateTimeOffset At,
    string Status, DateTimeOffset? ResolvedAt, string? ResolvedBy)
{
    public static IncidentDto From(Incident i, string caseNumber) =>
        new(i.Id, i.CaseId, caseNumber, i.InstanceId, i.ActivityId, i.Error, i.At, i.Status.ToString(), i.ResolvedAt, i.ResolvedBy);
}
