using GridCase.Domain.Catalog;

namespace GridCase.CaseActivities;

/// <summary>The closure requirements of the catalog items whose cases may run on a flow (by its bindings).</summary>
public interface IClosureRequirementSource
{
    Task<IReadOnlySet<ClosureRequirement>> RequirementsMetByAsync(string definitionId, CancellationToken cancellationToken);
}
