using System.Security.Claims;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkItems;

/// <summary>The caller's open work items: of their roles, within their org unit and the units below it.</summary>
public sealed class Inbox(GridCaseDbContext db, OrgDirectory org, UserDirectory users, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkItemDto>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var roles = Roles.All.Where(user.IsInRole).ToList();
        var userUnit = user.OrgUnitCode();
        var scopes = org.All.Where(u => org.Covers(userUnit, u.Code)).Select(u => u.Code).ToList();
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open && roles.Contains(w.Role) && scopes.Contains(w.ScopeOrgUnitCode))
            .Where(w => w.AssignedUser == null || w.AssignedUser == user.Identity!.Name)
            .OrderBy(w => w.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        var candidates = await users.CandidatesAsync(items, cancellationToken);
        var now = clock.GetUtcNow();
        return [.. items.Select(w => CaseMapper.ToDto(w, candidates[w.Id], now))];
    }
}
