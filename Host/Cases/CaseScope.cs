using System.Security.Claims;
using GridCase.Domain.Cases;
using GridCase.Domain.Org;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Cases;

/// <summary>
/// Which cases a caller may see: district staff see all; an area unit sees the cases inside it; a
/// department sees what was dispatched to it or once asked of it.
/// </summary>
public sealed class CaseScope(GridCaseDbContext db, OrgDirectory org)
{
    public IQueryable<Case> Visible(ClaimsPrincipal user)
    {
        var unit = org.Find(user.OrgUnitCode());
        var cases = db.Cases.AsQueryable();
        if (unit is null) return cases.Where(_ => false);
        var code = unit.Code;
        return unit.Kind switch
        {
            OrgUnitKind.District => cases.Where(c => c.Area.DistrictCode == code),
            OrgUnitKind.Subdistrict => cases.Where(c => c.Area.SubdistrictCode == code),
            OrgUnitKind.Community => cases.Where(c => c.Area.CommunityCode == code),
            OrgUnitKind.Grid => cases.Where(c => c.Area.GridCode == code),
            _ => cases.Where(c => c.DepartmentCode == code || db.WorkItems.Any(w => w.CaseId == c.Id && w.ScopeOrgUnitCode == code)),
        };
    }

    /// <summary>The case, read-only: 404 when there is none, 403 when it lies outside what the caller may see.</summary>
    public async Task<Case> FindVisibleAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The visible case in one read; only a miss asks whether the case exists at all.
        return await Visible(user).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? (await db.Cases.AnyAsync(c => c.Id == id, cancellationToken)
                ? throw new ForbiddenException("案件不在您的管辖范围 / the case is outside your org scope")
                : throw new NotFoundException($"案件 {id} 不存在 / no case {id}"));
    }
}
