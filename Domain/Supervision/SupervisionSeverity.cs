namespace GridCase.Domain.Supervision;

/// <summary>How pressing an entry is; the list shows the most severe first. Stored as its number so it sorts.</summary>
public enum SupervisionSeverity
{
    /// <summary>一般</summary>
    Normal = 1,
    /// <summary>较重</summary>
    High = 2,
    /// <summary>严重</summary>
    Critical = 3,
}
