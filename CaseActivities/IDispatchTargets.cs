using GridCase.Domain.Cases;

namespace GridCase.CaseActivities;

/// <summary>Where a case may be dispatched without a dispatcher, read from the Host's org tree.</summary>
public interface IDispatchTargets
{
    /// <returns>The duty team nearest the case's grid (the grid's own, else its community's, subdistrict's, district's), or null.</returns>
    string? DutyTeamOf(Case @case);

    /// <summary>Whether the org unit exists and handles cases: a department or a duty team.</summary>
    bool CanHandle(string orgUnitCode);
}
