using GridCase.Host.Cases;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Catalog;

/// <summary>The current catalog as the API shows it. Older versions stay in the table for the cases that use them.</summary>
public sealed class CatalogReader(GridCaseDbContext db)
{
    public async Task<IReadOnlyList<CatalogCategoryDto>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var categories = await db.CatalogCategories.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent)
            .GroupBy(i => i.CategoryCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return
        [
            .. categories.OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new CatalogCategoryDto(c.Code, c.Name, counts.GetValueOrDefault(c.Code))),
        ];
    }

    /// <summary>Current items, optionally of one category, whose code, name or a keyword contains <paramref name="q"/>.</summary>
    public async Task<Page<CatalogItemDto>> ListAsync(string? categoryCode, string? q, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent);
        if (!string.IsNullOrWhiteSpace(categoryCode))
        {
            var category = categoryCode.Trim();
            query = query.Where(i => i.CategoryCode == category);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(i => i.Code.Contains(text) || i.Name.Contains(text) || i.Keywords.Any(k => k.Contains(text)));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(i => i.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<CatalogItemDto>([.. items.Select(CatalogMapper.ToDto)], total);
    }

    public async Task<CatalogItemDto> GetAsync(string code, CancellationToken cancellationToken)
    {
        var item = await db.CatalogItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code && i.IsCurrent, cancellationToken)
            ?? throw new NotFoundException($"事项 {code} 不存在 / no catalog item {code}");
        return CatalogMapper.ToDto(item);
    }
}
