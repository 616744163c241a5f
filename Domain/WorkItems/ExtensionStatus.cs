namespace GridCase.Domain.WorkItems;

public enum ExtensionStatus
{
    Pending,
    Approved,
    Rejected,
}
