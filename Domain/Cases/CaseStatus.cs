namespace GridCase.Domain.Cases;

public enum CaseStatus
{
    Open,
    Closed,
    Rejected,
}
