using System.Security.Claims;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Calendars;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Dashboard;

/// <summary>
/// The dashboard's figures over the cases the caller may see (<see cref="CaseScope"/>). Counts are grouped by the
/// database; the date buckets and the JSON-stored assessment are read as narrow projections and folded here,
/// since day boundaries are local time and the assessment is a JSON column on every provider.
/// </summary>
public sealed class DashboardQueries(GridCaseDbContext db, CaseScope scope, OrgDirectory org, TimeProvider clock, IOptions<CalendarOptions> calendar)
{
    public const int TrendDays = 30;

    public async Task<DashboardDto> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var offset = calendar.Value.UtcOffset;
        var today = DateOnly.FromDateTime(now.ToOffset(offset).DateTime);
        var visible = scope.Visible(user).AsNoTracking();

        var byStage = await visible.GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var openByGrid = await visible.Where(c => c.Status == CaseStatus.Open)
            .GroupBy(c => c.Area.GridCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var open = openByGrid.Sum(g => g.Count);

        var overdue = await db.WorkItems.AsNoTracking()
            .Where(w => w.Status == WorkItemStatus.Open && w.Sla == SlaState.Overdue && visible.Any(c => c.Id == w.CaseId))
            .GroupBy(w => w.ScopeOrgUnitCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var assessments = await visible.Where(c => c.Status == CaseStatus.Closed).Select(c => c.Assessment).ToListAsync(cancellationToken);
        var assessed = assessments.Where(a => a is not null).ToList();
        var tiered = assessed.Where(a => a!.SolvedAtLevel is not null).Select(a => a!.SolvedAtLevel!.Value).ToList();
        var evaluations = await visible.Where(c => c.Satisfaction != null).GroupBy(c => c.Satisfaction)
            .Select(g => new { Satisfaction = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var satisfied = evaluations.Where(e => e.Satisfaction is Evaluation.Satisfied or Evaluation.BasicallySatisfied).Sum(e => e.Count);

        var firstDay = today.AddDays(-(TrendDays - 1));
        var since = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), offset);
        var recent = await visible.Where(c => c.ReportedAt >= since || c.ClosedAt >= since)
            .Select(c => new { c.ReportedAt, c.ClosedAt }).ToListAsync(cancellationToken);
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(offset).DateTime);
        var reportedByDay = recent.Where(c => c.ReportedAt >= since).CountBy(c => Day(c.ReportedAt)).ToDictionary();
        var closedByDay = recent.Where(c => c.ClosedAt >= since).CountBy(c => Day(c.ClosedAt!.Value)).ToDictionary();
        var trend = Enumerable.Range(0, TrendDays).Select(i => firstDay.AddDays(i))
            .Select(d => new DayCountDto(d, reportedByDay.GetValueOrDefault(d), closedByDay.GetValueOrDefault(d))).ToList();

        // The week starts on Monday, as Chinese offices count it.
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weekStart = new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), offset);
        var itemCodes = await visible.Where(c => c.ReportedAt >= weekStart && c.ItemCode != null)
            .GroupBy(c => c.ItemCode!).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var categoryNames = await db.CatalogCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var topCategories = itemCodes.GroupBy(i => CategoryOf(i.Code)).Select(g => Named(g.Key, categoryNames.GetValueOrDefault(g.Key), g.Sum(i => i.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code).Take(10).ToList();

        return new DashboardDto(
            now, user.OrgUnitCode(), byStage.Sum(s => s.Count), open,
            [.. Enum.GetValues<CaseStage>().Select(s => new StageCountDto(s.ToString(), byStage.FirstOrDefault(b => b.Stage == s)?.Count ?? 0))],
            [.. overdue.Select(o => Named(o.Code, org.Find(o.Code)?.Name, o.Count)).OrderByDescending(o => o.Count).ThenBy(o => o.Code)],
            Rate(assessed.Count(a => a!.OnTime), assessed.Count),
            Rate(satisfied, evaluations.Sum(e => e.Count)),
            trend,
            topCategories,
            [.. openByGrid.Select(g => Named(g.Code, org.Find(g.Code)?.Name, g.Count)).OrderBy(g => g.Code)],
            Rate(tiered.Count(l => l is ResponsibleLevel.Grid or ResponsibleLevel.Community), tiered.Count),
            [.. Enum.GetValues<ResponsibleLevel>().Select(l => new LevelCountDto(l.ToString(), tiered.Count(t => t == l)))]);
    }

    /// <summary>Item codes are "category.item" (01.001 belongs to category 01).</summary>
    private static string CategoryOf(string itemCode) => itemCode.Split('.')[0];

    private static UnitCountDto Named(string code, string? name, int count) => new(code, name ?? code, count);

    private static RateDto Rate(int count, int of) => new(count, of, of == 0 ? null : Math.Round((double)count / of, 4));
}
