using System.Security.Claims;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkItems;

/// <summary>The caller's open work items: of their roles, within their org unit and the units below it.</summary>
public sealed class Inbox(GridCaseDbContext db, OrgDirectory org, UserDirectory users, ListTotals totals, TimeProvider clock)
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
        var items = view == InboxView.Done
            ? await query.OrderByDescending(w => w.CompletedAt).ThenBy(w => w.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken)
            : await MostUrgentFirstAsync(query, page, pageSize, cancellationToken);
        var caseIds = items.Select(w => w.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var candidates = await users.CandidatesAsync(items, cancellationToken);
        var now = clock.GetUtcNow();
        return await totals.PageAsync(query, page, pageSize, [.. items.Select(w =>
        {
            var c = cases[w.CaseId];
            return new InboxEntryDto(CaseMapper.ToDto(w, candidates[w.Id], now), c.Number, c.Title, c.Catalog?.ItemName,
                c.Area.GridCode, c.Location.Address, w.CompletedAt, w.Outcome);
        })], cancellationToken);
    }

    /// <summary>
    /// Open work by due time, the work without a deadline after it: two ordered walks of one index (dated, then undated)
    /// instead of sorting every open item by whether it has a deadline.
    /// </summary>
    private static async Task<List<WorkItem>> MostUrgentFirstAsync(IQueryable<WorkItem> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * pageSize;
        var dated = await query.Where(w => w.DueAt != null).OrderBy(w => w.DueAt).ThenBy(w => w.Id)
            .Skip(skip).Take(pageSize).ToListAsync(cancellationToken);
        if (dated.Count == pageSize) return dated;
        // The page reaches past the dated work: the undated part starts where the dated ended.
        var datedCount = dated.Count > 0 ? skip + dated.Count : await query.CountAsync(w => w.DueAt != null, cancellationToken);
        var undated = await query.Where(w => w.DueAt == null).OrderBy(w => w.Id)
            .Skip(Math.Max(0, skip - datedCount)).Take(pageSize - dated.Count).ToListAsync(cancellationToken);
        return [.. dated, .. undated];
    }
}
