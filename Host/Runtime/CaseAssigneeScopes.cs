using GridCase.CaseActivities;
using GridCase.Domain.Cases;

namespace GridCase.Host.Runtime;

/// <summary>A task's org scope, read from where the case lies and where it was dispatched.</summary>
public sealed class CaseAssigneeScopes : IAssigneeScopes
{
    public IReadOnlyList<string> Names { get; } = ["CaseGrid", "CaseCommunity", "CaseSubdistrict", "District", "DispatchedDepartment"];

    public string? Resolve(string scope, Case @case) => scope switch
    {
        "CaseGrid" => @case.Area.GridCode,
        "CaseCommunity" => @case.Area.CommunityCode,
        "CaseSubdistrict" => @case.Area.SubdistrictCode,
        "District" => @case.Area.DistrictCode,
        "DispatchedDepartment" => @case.DepartmentCode,
        _ => null,
    };
}
