using GridCase.Domain;
using GridCase.Domain.Catalog;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Catalog;

/// <summary>
/// Creates and edits catalog items. An edit never changes a row: it writes the next version and makes it current,
/// because running cases hold a snapshot of the version they were accepted under and the old row is its record.
/// </summary>
public sealed class CatalogEditor(GridCaseDbContext db, OrgDirectory org, CatalogSuggester suggester, TimeProvider clock)
{
    public async Task<CatalogItemDto> CreateAsync(CatalogItemRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = CatalogItemRules.CheckCode(request.Code, errors);
        var item = CatalogItemRules.Validate(code ?? "", request, await CategoryCodesAsync(cancellationToken), org.IsDepartment, errors);
        if (code is not null && await db.CatalogItems.AnyAsync(i => i.Code == code, cancellationToken))
            errors["code"] = [$"事项编码 {code} 已存在 / catalog item {code} already exists"];
        if (item is not null) await CheckNameAsync(item, errors, cancellationToken);
        if (errors.Count > 0 || item is null) throw Invalid(errors);

        var created = CatalogItemRules.NextVersion(item, 1, clock.GetUtcNow());
        db.CatalogItems.Add(created);
        await SaveAsync(code!, cancellationToken);
        return CatalogMapper.ToDto(created);
    }

    /// <summary>Replaces the item's content with a new version; the same content again changes nothing.</summary>
    public async Task<CatalogItemDto> UpdateAsync(string code, CatalogItemRequest request, CancellationToken cancellationToken)
    {
        var current = await db.CatalogItems.SingleOrDefaultAsync(i => i.Code == code && i.IsCurrent, cancellationToken)
            ?? throw new NotFoundException($"事项 {code} 不存在 / no catalog item {code}");
        var errors = new Dictionary<string, string[]>();
        if (request.Code is { } bodyCode && bodyCode.Trim() != code)
            errors["code"] = [$"事项编码不可修改（地址为 {code}）/ the code cannot change (the address says {code})"];
        var edited = CatalogItemRules.Validate(code, request, await CategoryCodesAsync(cancellationToken), org.IsDepartment, errors);
        if (edited is not null) await CheckNameAsync(edited, errors, cancellationToken);
        if (errors.Count > 0 || edited is null) throw Invalid(errors);
        if (request.Version is { } basedOn && basedOn != current.Version)
            throw new ConflictException(
                $"事项 {code} 已被他人修改为 v{current.Version}（您编辑的是 v{basedOn}），请刷新后重试 / {code} is at v{current.Version} now, not v{basedOn}; reload and retry");

        if (CatalogItemRules.SameContent(current, edited)) return CatalogMapper.ToDto(current);
        current.IsCurrent = false;
        var next = CatalogItemRules.NextVersion(edited, current.Version + 1, clock.GetUtcNow());
        db.CatalogItems.Add(next);
        await SaveAsync(code, cancellationToken);
        return CatalogMapper.ToDto(next);
    }

    /// <summary>
    /// A new owner and basis for the item as its next version (a 三定 decision written back), added to the caller's unit
    /// of work and saved with it; the item's suggestions do not depend on its owner, so nothing is rebuilt.
    /// </summary>
    public async Task<CatalogItem> WriteOwnershipAsync(string code, CatalogOwnership ownership, CancellationToken cancellationToken)
    {
        var current = await db.CatalogItems.SingleOrDefaultAsync(i => i.Code == code && i.IsCurrent, cancellationToken)
            ?? throw new ConflictException($"事项 {code} 已不在清单中 / catalog item {code} is no longer current");
        current.IsCurrent = false;
        var next = CatalogItemRules.NextVersion(current, current.Version + 1, clock.GetUtcNow(), ownership);
        db.CatalogItems.Add(next);
        return next;
    }

    private async Task<IReadOnlySet<string>> CategoryCodesAsync(CancellationToken cancellationToken) =>
        await db.CatalogCategories.AsNoTracking().Select(c => c.Code).ToHashSetAsync(cancellationToken);

    /// <summary>Acceptors pick items by name, so two current items of one category must never share one.</summary>
    private async Task CheckNameAsync(CatalogItem item, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var other = await db.CatalogItems.AsNoTracking()
            .Where(i => i.IsCurrent && i.CategoryCode == item.CategoryCode && i.Name == item.Name && i.Code != item.Code)
            .Select(i => i.Code).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
            errors["name"] = [$"大类 {item.CategoryCode} 中已有同名事项 {other} / item {other} of category {item.CategoryCode} already has this name"];
    }

    private async Task SaveAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // The unique (Code, Version) index: somebody saved the same version of this item first.
            throw new ConflictException($"事项 {code} 已被他人同时修改，请刷新后重试 / {code} was changed by someone else at the same time; reload and retry");
        }
        await suggester.RebuildAsync(db, cancellationToken);
    }

    private static DomainException Invalid(Dictionary<string, string[]> errors) =>
        new("事项内容有误 / the catalog item is invalid", errors);
}
