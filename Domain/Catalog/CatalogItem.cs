using GridCase.Domain.Calendars;

namespace GridCase.Domain.Catalog;

/// <summary>
/// One version of a catalog item (事项小类). Versions are never edited: a change writes a new row and
/// makes it current, so cases keep pointing at what they were accepted under.
/// </summary>
public sealed class CatalogItem
{
    public long Id { get; set; }
    public required string Code { get; init; }
    public int Version { get; set; } = 1;
    public bool IsCurrent { get; set; } = true;
    public required string Name { get; init; }
    public required string CategoryCode { get; init; }
    public string FilingCondition { get; init; } = "";
    public required string ClosureStandard { get; init; }
    public List<ClosureRequirement> ClosureRequirements { get; init; } = [];
    public required string TimeLimit { get; init; }
    public CalendarKind Calendar { get; init; }
    public Urgency Urgency { get; init; }
    public required string OwnerDepartmentCode { get; init; }
    public List<string> CoHandlerDepartmentCodes { get; init; } = [];
    public ResponsibilityBasis ResponsibilityBasis { get; init; }
    public string BasisText { get; init; } = "";
    public List<string> Keywords { get; init; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Where this version came from when not from an edit or import, e.g. "arbitration:{id}" (三定仲裁的回写).</summary>
    public string? Source { get; set; }

    public CatalogSnapshot Snapshot() => new(
        Code, Version, Name, TimeLimit, Calendar.ToString(), ClosureStandard, [.. ClosureRequirements],
        OwnerDepartmentCode, Urgency);
}
