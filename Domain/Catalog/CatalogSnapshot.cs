namespace GridCase.Domain.Catalog;

/// <summary>
/// What a case took from its catalog item when it was classified. Later edits of the item make a new
/// version and never reach a running case.
/// </summary>
public sealed record CatalogSnapshot(
    string ItemCode,
    int ItemVersion,
    string ItemName,
    string TimeLimit,
    string Calendar,
    string ClosureStandard,
    IReadOnlyList<ClosureRequirement> ClosureRequirements,
    string OwnerDepartmentCode,
    Urgency Urgency);
