namespace GridCase.Domain.WorkItems;

public enum WorkItemStatus
{
    Open,
    Completed,
    Cancelled,
}
