namespace GridCase.Host.Catalog;

/// <summary>
/// A whole catalog item as a policy admin writes it (POST creates, PUT replaces). Enum-like fields are strings so
/// that a wrong value is answered field by field. <see cref="Version"/> on PUT is the version the edit was based
/// on: when somebody saved another version meanwhile, the edit is refused with 409 instead of silently winning.
/// </summary>
public sealed record CatalogItemRequest(
    string? Code,
    string? Name,
    string? CategoryCode,
    string? FilingCondition,
    string? ClosureStandard,
    IReadOnlyList<string?>? ClosureRequirements,
    string? TimeLimit,
    string? Calendar,
    string? Urgency,
    string? OwnerDepartmentCode,
    IReadOnlyList<string?>? CoHandlerDepartmentCodes,
    string? ResponsibilityBasis,
    string? BasisText,
    IReadOnlyList<string?>? Keywords,
    int? Version = null);
