namespace GridCase.Domain.Cases;

/// <summary>
/// The org units a case lies in, resolved once at intake from its grid, so that assignee rules
/// ("the case's subdistrict") need no tree walk while the case runs.
/// </summary>
public sealed record CaseArea(string GridCode, string CommunityCode, string SubdistrictCode, string DistrictCode);
