namespace GridCase.Domain.Supervision;

/// <summary>Open → Urged → Resolved | Closed. Resolved and Closed end the entry; a new trigger then opens another.</summary>
public enum SupervisionStatus
{
    Open,
    Urged,
    Resolved,
    Closed,
}
