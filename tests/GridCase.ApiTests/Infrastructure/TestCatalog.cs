using GridCase.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Infrastructure;

/// <summary>Picks shipped catalog items with the traits a test needs, so tests follow the real catalog.</summary>
public static class TestCatalog
{
    /// <summary>An item whose closure standard asks for no photo and no handler comment.</summary>
    public static CatalogItem PlainItem(GridCaseApp app) => app.Scoped(db => db.CatalogItems.AsNoTracking()
        .Where(i => i.IsCurrent
                    && !i.ClosureRequirements.Contains(ClosureRequirement.AfterPhoto)
                    && !i.ClosureRequirements.Contains(ClosureRequirement.BeforePhoto)
                    && !i.ClosureRequirements.Contains(ClosureRequirement.HandlerComment))
        .OrderBy(i => i.Code).First());

    /// <summary>Like <see cref="PlainItem"/>, on a working-time limit.</summary>
    public static CatalogItem PlainWorkingItem(GridCaseApp app) => app.Scoped(db => db.CatalogItems.AsNoTracking()
        .Where(i => i.IsCurrent && i.Calendar == GridCase.Domain.Calendars.CalendarKind.Working
                    && !i.ClosureRequirements.Contains(ClosureRequirement.AfterPhoto)
                    && !i.ClosureRequirements.Contains(ClosureRequirement.BeforePhoto)
                    && !i.ClosureRequirements.Contains(ClosureRequirement.HandlerComment))
        .OrderBy(i => i.Code).First());

    public static CatalogItem WithRequirement(GridCaseApp app, ClosureRequirement requirement) => app.Scoped(db => db.CatalogItems.AsNoTracking()
        .Where(i => i.IsCurrent && i.ClosureRequirements.Contains(requirement))
        .OrderBy(i => i.Code).First());
}
