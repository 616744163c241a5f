namespace GridCase.Domain.Org;

public enum OrgUnitKind
{
    District,
    Subdistrict,
    Community,
    Grid,
    Department,
    /// <summary>应急值守队: a team on duty around the clock (a 7×24 calendar) for the area of its parent unit, e.g. for sensor alerts.</summary>
    DutyTeam,
}
