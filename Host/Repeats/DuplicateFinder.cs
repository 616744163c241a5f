using System.Security.Claims;
using GridCase.Domain.Cases;
using GridCase.Host.Cases;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Repeats;

/// <summary>
/// 疑似重复: open or recently closed cases of the same item (or category) reported near the new one in time and place.
/// Computed on read while the report waits for acceptance: an indexed query on item codes and report time, then the
/// distance in memory over the few rows it returns.
/// </summary>
public sealed class DuplicateFinder(GridCaseDbContext db, CaseScope scope, IOptions<DuplicateOptions> options, TimeProvider clock)
{
    /// <summary>Rows read before the distance filter; a window that holds more of one category is not a duplicate check any more.</summary>
    private const int ScanLimit = 500;

    public static bool Applies(Case c) =>
        c.Status == CaseStatus.Open && c.MergedIntoId is null && c.Stage is CaseStage.Discover or CaseStage.Accept && c.ItemCode is not null;

    public async Task<IReadOnlyList<DuplicateCandidateDto>> ForAsync(Case c, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Applies(c)) return [];
        var o = options.Value;
        var itemCodes = new List<string> { c.ItemCode! };
        if (o.MatchCategory)
        {
            // The current items of the case's item's category, in one read; none when the item is no longer current.
            var itemCode = c.ItemCode;
            var ofCategory = await db.CatalogItems.AsNoTracking()
                .Where(i => i.IsCurrent && db.CatalogItems.Any(own => own.Code == itemCode && own.IsCurrent && own.CategoryCode == i.CategoryCode))
                .Select(i => i.Code).Distinct().ToListAsync(cancellationToken);
            if (ofCategory.Count > 0) itemCodes = ofCategory;
        }
        var since = c.ReportedAt - o.Window;
        var closedSince = clock.GetUtcNow() - o.RecentlyClosed;
        var rows = await scope.Visible(user).AsNoTracking()
            .Where(x => itemCodes.Contains(x.ItemCode!) && x.ReportedAt >= since && x.Id != c.Id && x.MergedIntoId == null)
            .Where(x => x.Status == CaseStatus.Open || x.Status == CaseStatus.Closed && x.ClosedAt >= closedSince)
            .OrderByDescending(x => x.ReportedAt)
            .Take(ScanLimit)
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(x => (Case: x, Distance: Distance(c, x)))
            .Where(x => x.Distance is { } d ? d <= o.RadiusMetres : x.Case.Area.GridCode == c.Area.GridCode)
            .OrderByDescending(x => x.Case.ItemCode == c.ItemCode)
            .ThenBy(x => x.Distance ?? double.MaxValue)
            .ThenByDescending(x => x.Case.ReportedAt)
            .Take(o.MaxCandidates)
            .Select(x => new DuplicateCandidateDto(
                x.Case.Id, x.Case.Number, x.Case.Title, x.Case.ItemCode, x.Case.Catalog?.ItemName, x.Case.ItemCode == c.ItemCode,
                x.Distance is { } d ? Math.Round(d, 1) : null, x.Case.Area.GridCode, x.Case.Stage.ToString(), x.Case.Status.ToString(),
                x.Case.ReportedAt, x.Case.ClosedAt, x.Case.MergedReports))];
    }

    private static bool BothLocated(Case a, Case b) => a.Location is { Lat: not null, Lng: not null } && b.Location is { Lat: not null, Lng: not null };

    private static double? Distance(Case a, Case b) => BothLocated(a, b)
        ? GeoDistance.Metres(a.Location.Lat!.Value, a.Location.Lng!.Value, b.Location.Lat!.Value, b.Location.Lng!.Value)
        : null;
}
