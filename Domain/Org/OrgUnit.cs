namespace GridCase.Domain.Org;

/// <summary>
/// A node of the org tree. <see cref="Path"/> lists the codes from the root ("/D/S01/S01C01/") so that
/// "is this unit inside that one" is a prefix test, on any database.
/// </summary>
public sealed class OrgUnit
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required OrgUnitKind Kind { get; init; }
    public string? ParentCode { get; init; }
    public required string Path { get; init; }
    /// <summary>GeoJSON polygon of a grid; null for other kinds.</summary>
    public string? Boundary { get; set; }
    /// <summary>Null for the standard working calendar; "AlwaysOpen" for 24/7 teams such as emergency response.</summary>
    public string? CalendarCode { get; set; }

    public bool Contains(OrgUnit other) => other.Path.StartsWith(Path, StringComparison.Ordinal);
}
