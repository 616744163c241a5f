using System.Globalization;
using GridCase.Domain;
using GridCase.Host.Calendars;
using GridCase.Host.Cases;
using GridCase.Host.Exports;
using GridCase.Host.Identity;
using GridCase.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Repeats;

public static class RepeatEndpoints
{
    /// <summary>Who reads the repeat lists: those who take the calls, call back and supervise.</summary>
    private static readonly string[] Readers = [Roles.Acceptor, Roles.CallbackAgent, Roles.Supervisor, Roles.Admin];

    /// <summary>An export holds every row, up to this many.</summary>
    private const int MaxExportRows = 10_000;

    public static void MapRepeats(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/merge", MergeAsync).WithTags("Cases").WithName("MergeCase")
            .RequireAuthorization(p => p.RequireRole(Roles.Acceptor))
            .WithSummary("并案：把受理中的案件并入主案件，随主案件办结 / merge a case at acceptance into a master; it ends with the master");

        var lists = app.MapGroup("/api").WithTags("Repeat complaints").RequireAuthorization(p => p.RequireRole(Readers));
        lists.MapGet("/repeat-complainants", ComplainantsAsync).WithName("RepeatComplainants")
            .WithSummary("一人多诉：窗口期内多次来电的号码（?format=xlsx 导出）/ phone numbers with repeated reports in the window (?format=xlsx exports)");
        lists.MapGet("/repeat-matters", MattersAsync).WithName("RepeatMatters")
            .WithSummary("一事多诉：并入多件反映的主案件（?format=xlsx 导出）/ masters with several merged reports (?format=xlsx exports)");
    }

    private static async Task<Ok<CaseDto>> MergeAsync(
        Guid id, MergeCaseBody body, CaseMerge merge, CaseReader reader, HttpContext http, CancellationToken ct)
    {
        await merge.MergeAsync(id, body, http.User, ct);
        return TypedResults.Ok(await reader.GetAsync(id, http.User, ct));
    }

    private static async Task<Results<Ok<Page<RepeatComplainantDto>>, FileContentHttpResult>> ComplainantsAsync(
        int? page, int? pageSize, string? format, RepeatLists lists, IOptions<CalendarOptions> calendar, HttpContext http, CancellationToken ct)
    {
        var (p, size, xlsx) = Query(page, pageSize, format);
        if (!xlsx) return TypedResults.Ok(await lists.ComplainantsAsync(http.User, p, size, ct));
        var all = await lists.ComplainantsAsync(http.User, 1, MaxExportRows, ct);
        var offset = calendar.Value.UtcOffset;
        return await XlsxSheet.FileAsync("一人多诉",
            [new("电话 / Phone", 16), new("姓名 / Name", 12), new("件数 / Cases", 10), new("首次 / First", 18),
             new("最近 / Last", 18), new("案件编号 / Case numbers", 60)],
            all.Items.Select(r => new[]
            {
                r.Phone, r.Name ?? "", r.Cases.ToString(CultureInfo.InvariantCulture), Local(r.FirstReportedAt, offset),
                Local(r.LastReportedAt, offset), string.Join(", ", r.CaseNumbers),
            }), ct);
    }

    private static async Task<Results<Ok<Page<RepeatMatterDto>>, FileContentHttpResult>> MattersAsync(
        int? page, int? pageSize, string? format, RepeatLists lists, IOptions<CalendarOptions> calendar, HttpContext http, CancellationToken ct)
    {
        var (p, size, xlsx) = Query(page, pageSize, format);
        if (!xlsx) return TypedResults.Ok(await lists.MattersAsync(http.User, p, size, ct));
        var all = await lists.MattersAsync(http.User, 1, MaxExportRows, ct);
        var offset = calendar.Value.UtcOffset;
        return await XlsxSheet.FileAsync("一事多诉",
            [new("主案件 / Master", 22), new("标题 / Title", 30), new("事项 / Item", 24), new("网格 / Grid", 12),
             new("状态 / Status", 10), new("上报 / Reported", 18), new("并入件数 / Merged", 10), new("最近并入 / Last merged", 18),
             new("并入案件 / Merged cases", 60)],
            all.Items.Select(m => new[]
            {
                m.Number, m.Title, m.ItemName ?? m.ItemCode ?? "", m.GridCode, m.Status, Local(m.ReportedAt, offset),
                m.MergedReports.ToString(CultureInfo.InvariantCulture), m.LastMergedAt is { } at ? Local(at, offset) : "",
                string.Join(", ", m.MergedCaseNumbers),
            }), ct);
    }

    private static (int Page, int PageSize, bool Xlsx) Query(int? page, int? pageSize, string? format)
    {
        var errors = new Dictionary<string, string[]>();
        var (p, size) = RequestFields.Paging(page, pageSize, errors);
        var kind = string.IsNullOrEmpty(format) ? "json" : format.ToLowerInvariant();
        if (kind is not ("json" or "xlsx")) errors["format"] = ["format 须为 json 或 xlsx / format must be json or xlsx"];
        if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
        return (p, size, kind == "xlsx");
    }

    private static string Local(DateTimeOffset at, TimeSpan offset) => at.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
