using System.Security.Claims;
using GridCase.Domain.Cases;
using GridCase.Host.Cases;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Repeats;

/// <summary>The repeat complaint lists (一人多诉 / 一事多诉) over the cases the caller may see, most repeated first.</summary>
public sealed class RepeatLists(GridCaseDbContext db, CaseScope scope, IOptions<RepeatOptions> options, TimeProvider clock)
{
    /// <summary>Case numbers shown per row: enough to open them, not a second list.</summary>
    private const int NumbersPerRow = 50;

    public async Task<Page<RepeatComplainantDto>> ComplainantsAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var since = clock.GetUtcNow() - o.Window;
        var recent = scope.Visible(user).AsNoTracking()
            .Where(c => c.ReportedAt >= since && c.Reporter.Phone != null && c.Reporter.Phone != "");
        var repeated = recent.GroupBy(c => c.Reporter.Phone!)
            .Select(g => new { Phone = g.Key, Cases = g.Count() })
            .Where(g => g.Cases >= o.MinCases);
        var total = await repeated.CountAsync(cancellationToken);
        var rows = await repeated.OrderByDescending(g => g.Cases).ThenBy(g => g.Phone)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var phones = rows.Select(r => r.Phone).ToList();
        var cases = (await recent.Where(c => phones.Contains(c.Reporter.Phone!)).ToListAsync(cancellationToken))
            .ToLookup(c => c.Reporter.Phone!);
        return new Page<RepeatComplainantDto>([.. rows.Select(r =>
        {
            var mine = cases[r.Phone].OrderByDescending(c => c.ReportedAt).ToList();
            return new RepeatComplainantDto(
                ReporterPrivacy.PhoneFor(r.Phone, user)!, mine.Select(c => c.Reporter.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n)),
                r.Cases, mine[^1].ReportedAt, mine[0].ReportedAt, [.. mine.Take(NumbersPerRow).Select(c => c.Number)]);
        })], total);
    }

    public async Task<Page<RepeatMatterDto>> MattersAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var min = options.Value.MinMergedReports;
        var masters = scope.Visible(user).AsNoTracking().Where(c => c.MergedReports >= min);
        var total = await masters.CountAsync(cancellationToken);
        var rows = await masters.OrderByDescending(c => c.MergedReports).ThenBy(c => c.Number)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(r => (Guid?)r.Id).ToList();
        var reports = (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.MergedIntoId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.MergedIntoId!.Value);
        return new Page<RepeatMatterDto>([.. rows.Select(m =>
        {
            var merged = reports[m.Id].OrderByDescending(c => c.MergedAt).ToList();
            return new RepeatMatterDto(
                m.Id, m.Number, m.Title, m.ItemCode, m.Catalog?.ItemName, m.Area.GridCode, m.Stage.ToString(), m.Status.ToString(),
                m.ReportedAt, m.MergedReports, merged.FirstOrDefault()?.MergedAt, [.. merged.Take(NumbersPerRow).Select(c => c.Number)]);
        })], total);
    }
}
