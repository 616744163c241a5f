using System.Security.Claims;
using GridCase.Domain.Cases;
using GridCase.Domain.Org;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Arbitrations;

/// <summary>The district's arbitration list (三定仲裁清单): arbitration is the district's, so only its own supervisors see it.</summary>
public sealed class ArbitrationList(GridCaseDbContext db, OrgDirectory org)
{
    public async Task<Page<ArbitrationDto>> ListAsync(ClaimsPrincipal user, ArbitrationStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var district = DistrictOf(user);
        var query = db.Arbitrations.AsNoTracking().Where(a => a.DistrictCode == district);
        if (status is { } s) query = query.Where(a => a.Status == s);
        var total = await query.CountAsync(cancellationToken);
        // Open ones first, the longest waiting on top; then the decisions, the latest first.
        var items = await query.OrderBy(a => a.Status == ArbitrationStatus.Decided).ThenByDescending(a => a.DecidedAt).ThenBy(a => a.OpenedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<ArbitrationDto>(await ToDtosAsync(items, cancellationToken), total);
    }

    public async Task<ArbitrationDto> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await ToDtosAsync([await FindAsync(id, user, cancellationToken)], cancellationToken))[0];

    /// <summary>404 when there is none, 403 when it is another district's or the caller is no district supervisor.</summary>
    public async Task<Arbitration> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var district = DistrictOf(user);
        var arbitration = await db.Arbitrations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"仲裁 {id} 不存在 / no arbitration {id}");
        return arbitration.DistrictCode == district
            ? arbitration
            : throw new ForbiddenException("此仲裁不属于您的区 / the arbitration belongs to another district");
    }

    private string DistrictOf(ClaimsPrincipal user) =>
        org.Find(user.OrgUnitCode()) is { Kind: OrgUnitKind.District } unit
            ? unit.Code
            : throw new ForbiddenException("仲裁由区级督办员办理 / arbitration is for supervisors at district level");

    private async Task<IReadOnlyList<ArbitrationDto>> ToDtosAsync(IReadOnlyList<Arbitration> items, CancellationToken cancellationToken)
    {
        var caseIds = items.Select(a => a.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var returns = (await db.CaseReturns.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).OrderBy(r => r.Id).ToListAsync(cancellationToken))
            .ToLookup(r => r.CaseId);
        return
        [
            .. items.Select(a =>
            {
                var c = cases[a.CaseId];
                return new ArbitrationDto(
                    a.Id, a.CaseId, c.Number, c.Title, c.ItemCode, c.Catalog?.ItemName, c.DepartmentCode, a.DistrictCode, a.Status.ToString(),
                    a.OpenedAt, a.ReturnCount, [.. returns[a.CaseId].Select(CaseMapper.ToDto)], a.WorkItemId, a.OwnerDepartmentCode,
                    a.BasisKind?.ToString(), a.Basis, a.DecidedBy, a.DecidedAt, a.CatalogItemCode, a.CatalogItemVersion);
            }),
        ];
    }
}
