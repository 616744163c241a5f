namespace GridCase.Domain.WorkItems;

/// <summary>Normal, Warning (yellow, 预警) or Overdue (red, 超期).</summary>
public enum SlaState
{
    Normal,
    Warning,
    Overdue,
}
