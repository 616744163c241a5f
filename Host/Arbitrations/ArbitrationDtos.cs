using GridCase.Host.Cases;

namespace GridCase.Host.Arbitrations;

public sealed record ArbitrationDto(
    Guid Id,
    Guid CaseId,
    string CaseNumber,
    string CaseTitle,
    string? ItemCode,
    string? ItemName,
    /// <summary>The department the case is with now: the last that returned it while open, the designated owner once decided.</summary>
    string? DepartmentCode,
    string DistrictCode,
    string Status,
    DateTimeOffset OpenedAt,
    int ReturnCount,
    IReadOnlyList<CaseReturnDto> Returns,
    /// <summary>The Arbitrate task deciding completes.</summary>
    Guid WorkItemId,
    string? OwnerDepartmentCode,
    string? BasisKind,
    string? Basis,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? CatalogItemCode,
    int? CatalogItemVersion);

/// <summary>指定: the owner, the kind of basis (Statutory 法定 / Agreed 商定 / Designated 指定) and its text; optionally written back to the catalog item.</summary>
public sealed record DecideArbitrationRequest(string? OwnerDepartmentCode, string? BasisKind, string? Basis, bool? WriteBackToCatalog);
