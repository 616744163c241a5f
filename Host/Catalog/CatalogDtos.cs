namespace GridCase.Host.Catalog;

public sealed record CatalogCategoryDto(string Code, string Name, int ItemCount);

public sealed record CatalogItemDto(
    string Code,
    string Name,
    string CategoryCode,
    string FilingCondition,
    string ClosureStandard,
    IReadOnlyList<string> ClosureRequirements,
    string TimeLimit,
    string Calendar,
    string Urgency,
    string OwnerDepartmentCode,
    IReadOnlyList<string> CoHandlerDepartmentCodes,
    string ResponsibilityBasis,
    string BasisText,
    IReadOnlyList<string> Keywords,
    int Version,
    /// <summary>Where this version came from, when not an edit or import: "arbitration:{id}" for a 三定 decision written back.</summary>
    string? Source);

public sealed record CatalogSuggestionDto(string Code, string Name, string CategoryCode, double Score);

/// <summary>What an import did: rows read, items created, items given a new version, rows that changed nothing.</summary>
public sealed record CatalogImportResultDto(int Rows, int Created, int Updated, int Unchanged);
