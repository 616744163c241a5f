using System.Security.Claims;
using GridCase.Domain.Supervision;
using GridCase.Host.Cases;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Supervision;

/// <summary>The supervision list as a supervisor reads it: within their scope, most severe first, then the oldest.</summary>
public sealed class SupervisionReader(GridCaseDbContext db, SupervisionScope scope, ListTotals totals)
{
    /// <summary>More rows than any meeting reads; the export says so in its last row when it is cut.</summary>
    public const int ExportLimit = 10_000;

    public sealed record Criteria(SupervisionKind? Kind, SupervisionStatus? Status, string? OrgUnitCode, SupervisionSeverity? Severity);

    public async Task<Page<SupervisionEntryDto>> ListAsync(ClaimsPrincipal user, Criteria criteria, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Query(user, criteria);
        var entries = await Sorted(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return await totals.PageAsync(query, page, pageSize, await ToDtosAsync(entries, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<SupervisionEntryDto>> ExportAsync(ClaimsPrincipal user, Criteria criteria, CancellationToken cancellationToken) =>
        await ToDtosAsync(await Sorted(Query(user, criteria)).Take(ExportLimit).ToListAsync(cancellationToken), cancellationToken);

    public async Task<SupervisionEntryDto> ToDtoAsync(SupervisionEntry entry, CancellationToken cancellationToken) =>
        (await ToDtosAsync([entry], cancellationToken))[0];

    private IQueryable<SupervisionEntry> Query(ClaimsPrincipal user, Criteria criteria)
    {
        var query = db.SupervisionEntries.AsNoTracking();
        // Active entries hold slot 0: the default list is an equality on the leading column of its index.
        query = criteria.Status is { } s ? query.Where(e => e.Status == s) : query.Where(e => e.OpenSlot == 0);
        if (scope.Units(user) is { } units)
            query = query.Where(e => units.Contains(e.ResponsibleOrgUnitCode) || units.Contains(e.GridCode));
        if (criteria.OrgUnitCode is { } code)
        {
            var within = scope.Within(code);
            query = query.Where(e => within.Contains(e.ResponsibleOrgUnitCode));
        }
        if (criteria.Kind is { } k) query = query.Where(e => e.Kind == k);
        if (criteria.Severity is { } v) query = query.Where(e => e.Severity == v);
        return query;
    }

    private static IQueryable<SupervisionEntry> Sorted(IQueryable<SupervisionEntry> query) =>
        query.OrderByDescending(e => e.Severity).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id);

    private async Task<IReadOnlyList<SupervisionEntryDto>> ToDtosAsync(IReadOnlyList<SupervisionEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.CaseId).Distinct().ToList();
        var cases = new Dictionary<Guid, (string Number, string Title)>();
        // In chunks: a parameter list has limits on some providers.
        foreach (var chunk in ids.Chunk(500))
            foreach (var c in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Number, c.Title }).ToListAsync(cancellationToken))
                cases[c.Id] = (c.Number, c.Title);
        return [.. entries.Select(e =>
        {
            var (number, title) = cases.GetValueOrDefault(e.CaseId, ("", ""));
            return new SupervisionEntryDto(e.Id, e.CaseId, number, title, e.Kind.ToString(), e.Reason, e.Severity.ToString(), e.Status.ToString(),
                e.ResponsibleOrgUnitCode, e.GridCode, e.WorkItemId, e.RaisedBy, e.CreatedAt, e.UpdatedAt, e.DueAt, e.TriggerCount, e.UrgeCount,
                e.Notes, e.Result, e.FinishedAt, e.FinishedBy);
        })];
    }
}
