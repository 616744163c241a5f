using System.Security.Claims;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Incidents;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Repeats;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Cases;

/// <summary>Reads cases as the API shows them, within what the caller may see.</summary>
public sealed class CaseReader(GridCaseDbContext db, CaseScope scope, UserDirectory users, DuplicateFinder duplicates, ListTotals totals, TimeProvider clock)
{
    public async Task<CaseDto> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await ToDtoAsync(await scope.FindVisibleAsync(id, user, cancellationToken), user, cancellationToken);

    /// <summary>A write's answer: the whole case, or with <c>Prefer: return=minimal</c> its progress only (<see cref="ReturnPreference"/>).</summary>
    public async Task<object> AfterWriteAsync(Guid id, HttpContext http, CancellationToken cancellationToken) =>
        ReturnPreference.Minimal(http.Request)
            ? await ProgressAsync(id, http.User, cancellationToken)
            : await GetAsync(id, http.User, cancellationToken);

    /// <summary>The case's stage and open work items, for a write's minimal answer (<see cref="ReturnPreference"/>).</summary>
    public async Task<CaseProgressDto> ProgressAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var c = await scope.FindVisibleAsync(id, user, cancellationToken);
        var open = await db.WorkItems.AsNoTracking()
            .Where(w => w.CaseId == c.Id && w.Status == WorkItemStatus.Open)
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Kind).ToListAsync(cancellationToken);
        var candidates = await users.CandidatesAsync(open, cancellationToken);
        var now = clock.GetUtcNow();
        return new CaseProgressDto(c.Id, c.Number, c.Stage.ToString(), c.Status.ToString(), c.Area.GridCode,
            [.. open.Select(w => CaseMapper.ToDto(w, candidates[w.Id], now))]);
    }

    public async Task<Page<CaseSummaryDto>> ListAsync(
        ClaimsPrincipal user, CaseStage? stage, CaseStatus? status, string? gridCode, ResponsibleLevel? level, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = scope.Visible(user).AsNoTracking();
        if (stage is { } s) query = query.Where(c => c.Stage == s);
        if (status is { } st) query = query.Where(c => c.Status == st);
        if (!string.IsNullOrEmpty(gridCode)) query = query.Where(c => c.Area.GridCode == gridCode);
        if (level is { } l) query = query.Where(c => c.ResponsibleLevel == l);
        var items = await query.OrderByDescending(c => c.ReportedAt).ThenBy(c => c.Number)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return await totals.PageAsync(query, page, pageSize, [.. items.Select(CaseMapper.ToSummary)], cancellationToken);
    }

    private async Task<CaseDto> ToDtoAsync(Case c, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CorrelationId == c.Id, cancellationToken);
        // One read for both the open work and every department's part (lead, co-handler, summons), open or done.
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => w.CaseId == c.Id && (w.Status == WorkItemStatus.Open || (w.Kind != WorkItemKind.Task && w.Status != WorkItemStatus.Cancelled)))
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Kind).ToListAsync(cancellationToken);
        var open = items.Where(w => w.Status == WorkItemStatus.Open).ToList();
        var parts = items.Where(w => w.Kind != WorkItemKind.Task).ToList();
        var candidates = await users.CandidatesAsync(open, cancellationToken);
        var journal = await db.Journal.AsNoTracking().Where(j => j.CaseId == c.Id).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
        var returns = await db.CaseReturns.AsNoTracking().Where(r => r.CaseId == c.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.CaseId == c.Id && i.Status == IncidentStatus.Open)
            .OrderBy(i => i.At).ToListAsync(cancellationToken);

        return new CaseDto(
            c.Id, c.Number, c.Title, c.Description, c.Channel.ToString(), c.ItemCode, c.Catalog?.ItemName, c.Area.GridCode,
            c.DepartmentCode, c.CoHandlerCodes, c.ResponsibleLevel?.ToString(), c.ResponsibleOrgUnitCode, c.Stage.ToString(), c.Status.ToString(),
            c.Resolution?.ToString(), c.DispatchRound, c.ReworkCount, c.ReturnCount, c.ReopenCount, c.Satisfaction?.ToString(), c.AlertCount, c.ReportedAt, c.ClosedAt,
            new LocationDto(c.Area.GridCode, c.Location.Lat, c.Location.Lng, c.Location.Address),
            ReporterPrivacy.ToDto(c.Reporter, user),
            c.Catalog is null ? null : CaseMapper.ToDto(c.Catalog),
            c.Assessment is null ? null : CaseMapper.ToDto(c.Assessment),
            new WorkflowRefDto(instance.DefinitionId, instance.DefinitionVersion, instance.Status.ToString()),
            [.. open.Select(w => CaseMapper.ToDto(w, candidates[w.Id], clock.GetUtcNow()))],
            [.. journal.Select(CaseMapper.ToDto)],
            [.. attachments.Select(CaseMapper.ToDto)],
            [.. returns.Select(CaseMapper.ToDto)],
            [.. incidents.Select(i => IncidentDto.From(i, c.Number))],
            await duplicates.ForAsync(c, user, cancellationToken),
            c.MergedIntoId is { } masterId
                ? Link(await db.Cases.AsNoTracking().SingleAsync(m => m.Id == masterId, cancellationToken), c.MergedAt)
                : null,
            c.MergedReports == 0 ? [] : [.. (await db.Cases.AsNoTracking().Where(m => m.MergedIntoId == c.Id).ToListAsync(cancellationToken))
                .OrderBy(m => m.MergedAt).Select(m => Link(m, m.MergedAt))],
            [.. parts.Select(CaseMapper.ToPart)],
            [.. parts.GroupBy(w => w.ScopeOrgUnitCode).Select(g => new DepartmentSlaDto(g.Key, g.Count(), g.Count(w => w.IsLate)))]);
    }

    private static MergeLinkDto Link(Case c, DateTimeOffset? mergedAt) =>
        new(c.Id, c.Number, c.Title, c.Stage.ToString(), c.Status.ToString(), c.ReportedAt, mergedAt);
}
