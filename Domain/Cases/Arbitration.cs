using GridCase.Domain.Catalog;

namespace GridCase.Domain.Cases;

/// <summary>
/// 三定仲裁: a case returned too often waits on the district's arbitration list until an arbitrator designates its
/// owner (指定) with a basis; the decision may be written back to the catalog item as a new version.
/// </summary>
public sealed class Arbitration
{
    private Arbitration() { }

    /// <summary>As long as a catalog item's basis text may be, so that a decision can always be written back.</summary>
    public const int MaxBasisLength = 1000;

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>The district whose arbitrators decide: the case's own.</summary>
    public string DistrictCode { get; private set; } = "";
    /// <summary>The Arbitrate task the flow opened; deciding completes it.</summary>
    public Guid WorkItemId { get; private set; }
    public int ReturnCount { get; private set; }
    public ArbitrationStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string? OwnerDepartmentCode { get; private set; }
    public ResponsibilityBasis? BasisKind { get; private set; }
    public string? Basis { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>The catalog version the decision was written back as, when it was.</summary>
    public string? CatalogItemCode { get; private set; }
    public int? CatalogItemVersion { get; private set; }

    public static Arbitration Open(Case @case, Guid workItemId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = @case.Id,
        DistrictCode = @case.Area.DistrictCode,
        WorkItemId = workItemId,
        ReturnCount = @case.ReturnCount,
        Status = ArbitrationStatus.Open,
        OpenedAt = now,
    };

    public void Decide(string ownerDepartmentCode, ResponsibilityBasis basisKind, string basis, string decidedBy, DateTimeOffset now)
    {
        if (Status is not ArbitrationStatus.Open)
            throw new ConflictException("此仲裁已裁定 / the arbitration is already decided");
        OwnerDepartmentCode = ownerDepartmentCode;
        BasisKind = basisKind;
        Basis = basis;
        DecidedBy = decidedBy;
        DecidedAt = now;
        Status = ArbitrationStatus.Decided;
    }

    public void WrittenBackAs(string itemCode, int itemVersion)
    {
        CatalogItemCode = itemCode;
        CatalogItemVersion = itemVersion;
    }

    /// <summary>The catalog version's source: where its owner and basis came from.</summary>
    public string SourceName => $"arbitration:{Id}";
}
