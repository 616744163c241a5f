using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Deadlines;

/// <summary>What supervisors watch: open work items by SLA state, pending extensions (the supervision list itself: Host/Supervision).</summary>
public sealed class SupervisionQueries(GridCaseDbContext db, OrgDirectory org, UserDirectory users, TimeProvider clock)
{
    public async Task<Page<WorkItemDto>> WorkItemsAsync(ClaimsPrincipal user, SlaState? sla, string? orgUnit, int page, int pageSize, CancellationToken cancellationToken)
    {
        var scopes = ScopesWithin(user, orgUnit);
        var query = db.WorkItems.AsNoTracking().Where(w => w.Status == WorkItemStatus.Open && scopes.Contains(w.ScopeOrgUnitCode));
        if (sla is { } s) query = query.Where(w => w.Sla == s);
        var total = await query.CountAsync(cancellationToken);
        // Items without a deadline go last, said outright: SQLite and SQL Server sort NULL first, PostgreSQL last.
        var items = await query.OrderBy(w => w.DueAt == null).ThenBy(w => w.DueAt).ThenBy(w => w.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var candidates = await users.CandidatesAsync(items, cancellationToken);
        var now = clock.GetUtcNow();
        return new Page<WorkItemDto>([.. items.Select(w => CaseMapper.ToDto(w, candidates[w.Id], now))], total);
    }

    public async Task<IReadOnlyList<ExtensionRequestDto>> ExtensionRequestsAsync(
        ClaimsPrincipal user, ExtensionStatus? status, Guid? workItemId, CancellationToken cancellationToken)
    {
        var scopes = ScopesWithin(user, null);
        var query = db.ExtensionRequests.AsNoTracking()
            .Where(e => db.WorkItems.Any(w => w.Id == e.WorkItemId && scopes.Contains(w.ScopeOrgUnitCode)));
        if (status is { } s) query = query.Where(e => e.Status == s);
        if (workItemId is { } id) query = query.Where(e => e.WorkItemId == id);
        var items = await query.OrderBy(e => e.RequestedAt).Take(500).ToListAsync(cancellationToken);
        return [.. items.Select(DeadlineMapper.ToDto)];
    }

    /// <summary>The org units inside <paramref name="orgUnit"/> (default: the caller's own), limited to what the caller covers.</summary>
    private List<string> ScopesWithin(ClaimsPrincipal user, string? orgUnit)
    {
        var root = orgUnit ?? user.OrgUnitCode();
        if (org.Find(root) is null) throw DomainException.Field("orgUnit", $"组织 {root} 不存在 / no org unit {root}");
        return [.. org.CodesWithin(root).Where(code => org.Covers(user.OrgUnitCode(), code))];
    }
}
