namespace GridCase.Domain.Cases;

public enum CaseStatus
{
    Open,
    Closed,
    Rejected,
    /// <summary>Taken out of the loop by an admin, with a reason.</summary>
    Cancelled,
}
