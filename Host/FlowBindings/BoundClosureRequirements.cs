using GridCase.CaseActivities;
using GridCase.Domain.Catalog;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.FlowBindings;

/// <summary>
/// The closure requirements a flow may meet: those of every current item when the flow is the default or is
/// bound to a channel (any item can come in), else those of the items and categories bound to it.
/// </summary>
public sealed class BoundClosureRequirements(GridCaseDbContext db) : IClosureRequirementSource
{
    public async Task<IReadOnlySet<ClosureRequirement>> RequirementsMetByAsync(string definitionId, CancellationToken cancellationToken)
    {
        var bindings = await db.FlowBindings.AsNoTracking().Where(b => b.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var items = db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent);
        if (definitionId != FlowResolver.DefaultDefinitionId && !bindings.Any(b => b.CategoryCode is null && b.ItemCode is null))
        {
            var codes = bindings.Select(b => b.ItemCode).OfType<string>().ToList();
            var categories = bindings.Where(b => b.ItemCode is null).Select(b => b.CategoryCode).OfType<string>().ToList();
            items = items.Where(i => codes.Contains(i.Code) || categories.Contains(i.CategoryCode));
        }
        var lists = await items.Select(i => i.ClosureRequirements).ToListAsync(cancellationToken);
        return lists.SelectMany(l => l).ToHashSet();
    }
}
