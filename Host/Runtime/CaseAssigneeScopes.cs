using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Host.Org;

namespace GridCase.Host.Runtime;

/// <summary>
/// A task's org scope, read from where the case lies and where it was dispatched. A unit that is no longer in the
/// org tree is no scope: nobody could work the task, so the step faults into an incident instead.
/// </summary>
public sealed class CaseAssigneeScopes(OrgDirectory org) : IAssigneeScopes
{
    /// <summary>The org unit of the case's responsible level (its grid, community...), which moves when the case is escalated.</summary>
    public const string Responsible = nameof(Responsible);

    public IReadOnlyList<string> Names { get; } = ["CaseGrid", "CaseCommunity", "CaseSubdistrict", "District", "DispatchedDepartment", Responsible];

    public string? Resolve(string scope, Case @case) => CodeOf(scope, @case) is { } code && org.Find(code) is not null ? code : null;

    public bool Exists(string orgUnitCode) => org.Find(orgUnitCode) is not null;

    private static string? CodeOf(string scope, Case @case) => scope switch
    {
        "CaseGrid" => @case.Area.GridCode,
        "CaseCommunity" => @case.Area.CommunityCode,
        "CaseSubdistrict" => @case.Area.SubdistrictCode,
        "District" => @case.Area.DistrictCode,
        "DispatchedDepartment" => @case.DepartmentCode,
        Responsible => @case.ResponsibleOrgUnitCode,
        _ => null,
    };
}
