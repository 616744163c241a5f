using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Domain.Org;
using GridCase.Host.Org;

namespace GridCase.Host.Runtime;

/// <summary>Dispatch targets from the org tree in force: departments and duty teams.</summary>
public sealed class OrgDispatchTargets(OrgDirectory org) : IDispatchTargets
{
    public string? DutyTeamOf(Case @case) => org.DutyTeamOf(@case.Area);

    public bool CanHandle(string orgUnitCode) => org.Find(orgUnitCode)?.Kind is OrgUnitKind.Department or OrgUnitKind.DutyTeam;
}
