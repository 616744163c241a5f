namespace GridCase.Host.Incidents;

public enum IncidentStatus
{
    Open,
    Resolved,
}
