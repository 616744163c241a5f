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

    /// <summary>
    /// One page of a view. Open work is sorted by due time (the most urgent first, no deadline last);
    /// done work by completion, the latest first.
    /// </summary>
    public async Task<Page<InboxEntryDto>> ViewAsync(ClaimsPrincipal user, InboxView view, int page, int pageSize, CancellationToken cancellationToken)
    {
        var me = user.UserName();
        var query = db.WorkItems.AsNoTracking();
        if (view == InboxView.Done)
            query = query.Where(w => w.Status == WorkItemStatus.Completed && w.CompletedBy == me);
        else
        {
            var roles = Roles.All.Where(user.IsInRole).ToList();
            var userUnit = user.OrgUnitCode();
            var scopes = org.All.Where(u => org.Covers(userUnit, u.Code)).Select(u => u.Code).ToList();
            query = query.Where(w => w.Status == WorkItemStatus.Open && roles.Contains(w.Role) && scopes.Contains(w.ScopeOrgUnitCode));
            query = view == InboxView.Mine ? query.Where(w => w.AssignedUser == me) : query.Where(w => w.AssignedUser == null);
        }
        var total = await query.CountAsync(cancellationToken);
        var ordered = view == InboxView.Done
            ? query.OrderByDescending(w => w.CompletedAt).ThenBy(w => w.Id)
            // Said outright: SQLite and SQL Server sort NULL first, PostgreSQL last.
            : query.OrderBy(w => w.DueAt == null).ThenBy(w => w.DueAt).ThenBy(w => w.Id);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var caseIds = items.Select(w => w.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var candidates = await users.CandidatesAsync(items, cancellationToken);
        var now = clock.GetUtcNow();
        return new Page<InboxEntryDto>([.. items.Select(w =>
        {
            var c = cases[w.CaseId];
            return new InboxEntryDto(CaseMapper.ToDto(w, candidates[w.Id], now), c.Number, c.Title, c.Catalog?.ItemName,
                c.Area.GridCode, c.Location.Address, w.CompletedAt, w.Outcome);
        })], total);
    }
}
