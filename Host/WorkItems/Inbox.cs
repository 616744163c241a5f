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
        var items = await WithinScope(db.WorkItems.AsNoTracking().Where(w => w.Status == WorkItemStatus.Open && roles.Contains(w.Role)), user)
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
            query = WithinScope(query.Where(w => w.Status == WorkItemStatus.Open && roles.Contains(w.Role)), user);
            query = view == InboxView.Mine ? query.Where(w => w.AssignedUser == me) : query.Where(w => w.AssignedUser == null);
        }
        // Open work: counted first, in the index alone, since how much there is decides how to read the page.
        int? counted = view == InboxView.Done ? null : await totals.CountAsync(query, cancellationToken);
        var items = counted is null
            ? await query.OrderByDescending(w => w.CompletedAt).ThenBy(w => w.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken)
            : counted <= SortedInMemoryUpTo && totals.IsExact(counted.Value)
                ? await FewMostUrgentFirstAsync(query, page, pageSize, cancellationToken)
                : await MostUrgentFirstAsync(query, page, pageSize, cancellationToken);
        var caseIds = items.Select(w => w.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var candidates = await users.CandidatesAsync(items, cancellationToken);
        var now = clock.GetUtcNow();
        IReadOnlyList<InboxEntryDto> entries = [.. items.Select(w =>
        {
            var c = cases[w.CaseId];
            return new InboxEntryDto(CaseMapper.ToDto(w, candidates[w.Id], now), c.Number, c.Title, c.Catalog?.ItemName,
                c.Area.GridCode, c.Location.Address, w.CompletedAt, w.Outcome);
        })];
        return counted is { } n ? totals.Page(entries, page, pageSize, n) : await totals.PageAsync(query, page, pageSize, entries, cancellationToken);
    }

    /// <summary>
    /// The items scoped to the caller's org unit or a unit below it. A caller whose units are all there are (the district's
    /// staff) needs no filter: every item's scope is a unit of the directory, and units are never removed. The database then
    /// does not match each item against a list of some 90 codes, which EF Core also rebuilds into SQL on every call.
    /// </summary>
    private IQueryable<WorkItem> WithinScope(IQueryable<WorkItem> query, ClaimsPrincipal user)
    {
        var scopes = org.CodesWithin(user.OrgUnitCode());
        return scopes.Count == org.All.Count ? query : query.Where(w => scopes.Contains(w.ScopeOrgUnitCode));
    }

    /// <summary>
    /// Up to this many open items are ordered here: their keys come from the index of role, unit and assignee alone, where
    /// walking every open item by due time would pass a whole district's work to find a department's few.
    /// </summary>
    private const int SortedInMemoryUpTo = 2_000;

    private async Task<List<WorkItem>> FewMostUrgentFirstAsync(IQueryable<WorkItem> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var keys = await query.Select(w => new { w.Id, w.DueAt }).ToListAsync(cancellationToken);
        // The database's order: no deadline last, then by Id as SQLite stores it (upper-case text) and PostgreSQL sorts it.
        var ids = keys.OrderBy(k => k.DueAt == null).ThenBy(k => k.DueAt).ThenBy(k => k.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(k => k.Id).ToList();
        var rows = await db.WorkItems.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
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
