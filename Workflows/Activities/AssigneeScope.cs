using GridCase.Domain.Cases;

namespace GridCase.Workflows.Activities;

/// <summary>Which org unit's members may work a human task, relative to the case.</summary>
public static class AssigneeScope
{
    public static readonly IReadOnlyList<string> All =
        ["CaseGrid", "CaseCommunity", "CaseSubdistrict", "District", "DispatchedDepartment"];

    public static string? Resolve(string scope, Case @case) => scope switch
    {
        "CaseGrid" => @case.Area.GridCode,
        "CaseCommunity" => @case.Area.CommunityCode,
        "CaseSubdistrict" => @case.Area.SubdistrictCode,
        "District" => @case.Area.DistrictCode,
        "DispatchedDepartment" => @case.DepartmentCode,
        _ => null,
    };
}
