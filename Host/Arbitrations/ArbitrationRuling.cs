using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Host.Catalog;
using GridCase.Host.Org;

namespace GridCase.Host.Arbitrations;

/// <summary>
/// What an arbitrator decides: the owner, the kind of basis (法定/商定/指定) and its text, and whether the catalog
/// learns it. Read from the decide endpoint's body or from the Arbitrate task's completion data, with every field
/// error at once under the caller's own field names.
/// </summary>
public sealed record ArbitrationRuling(string OwnerDepartmentCode, ResponsibilityBasis BasisKind, string Basis, bool WriteBackToCatalog)
{
    public static ArbitrationRuling Read(
        string? owner, string? basisKind, string? basis, bool writeBack, OrgDirectory org, ArbitrationFields fields)
    {
        var errors = new Dictionary<string, string[]>();
        owner = owner?.Trim();
        if (string.IsNullOrEmpty(owner))
            errors[fields.Owner] = ["须指定权属单位 / name the owner department"];
        else if (!org.IsDepartment(owner))
            errors[fields.Owner] = [$"{owner} 不是部门 / {owner} is not a department"];

        var kindName = basisKind?.Trim() is { Length: > 0 } k ? CatalogLabels.ToName<ResponsibilityBasis>(k) : null;
        ResponsibilityBasis kind = default;
        if (kindName is null || !CatalogItemRules.TryParseName(kindName, out kind))
            errors[fields.BasisKind] = [$"依据类型须为 {CatalogLabels.Allowed<ResponsibilityBasis>()} / basis kind must be one of them"];

        basis = basis?.Trim();
        if (string.IsNullOrEmpty(basis))
            errors[fields.Basis] = ["须填写裁定依据 / the basis of the decision is required"];
        else if (basis.Length > Arbitration.MaxBasisLength)
            errors[fields.Basis] = [$"依据最长 {Arbitration.MaxBasisLength} 字 / the basis is at most {Arbitration.MaxBasisLength} characters"];

        if (errors.Count > 0) throw new DomainException("仲裁裁定有误 / the arbitration decision is invalid", errors);
        return new ArbitrationRuling(owner!, kind, basis!, writeBack);
    }
}

/// <summary>The field names errors are reported under: the decide body's, or a task completion's.</summary>
public sealed record ArbitrationFields(string Owner, string BasisKind, string Basis, string WriteBack)
{
    public static readonly ArbitrationFields Body = new("ownerDepartmentCode", "basisKind", "basis", "writeBackToCatalog");
    public static readonly ArbitrationFields Completion = new("data.ownerDepartmentCode", "data.basisKind", "comment", "data.writeBackToCatalog");
}
