using GridCase.Domain.Catalog;

namespace GridCase.Host.Catalog;

/// <summary>Who owns an item and why (三定), and where that came from (e.g. "arbitration:{id}").</summary>
public sealed record CatalogOwnership(string OwnerDepartmentCode, ResponsibilityBasis Basis, string BasisText, string Source);
