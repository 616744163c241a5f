namespace GridCase.CaseActivities;

/// <summary>Whom <see cref="AutoDispatch"/> sends a case to.</summary>
public enum DispatchTarget
{
    /// <summary>权属单位: the catalog item's owner department.</summary>
    CatalogOwner,
    /// <summary>The duty team (7×24) of the case's grid.</summary>
    DutyTeam,
    /// <summary>The department named by the departmentCode input (a literal or an expression).</summary>
    Department,
}
