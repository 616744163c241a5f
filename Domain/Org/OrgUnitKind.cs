namespace GridCase.Domain.Org;

public enum OrgUnitKind
{
    District,
    Subdistrict,
    Community,
    Grid,
    Department,
}
