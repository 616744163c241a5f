namespace GridCase.Domain.Catalog;

public enum Urgency
{
    Normal,
    Urgent,
    Critical,
}
