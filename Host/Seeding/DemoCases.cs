using System.Security.Claims;
using System.Text.Json.Nodes;
using GridCase.Domain.Catalog;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Repeats;
using GridCase.Host.Runtime;
using GridCase.Host.Whistles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Seeding;

/// <summary>
/// A few demo cases in flight, one per governance mechanism, so a fresh demo shows each at once: tiered handling at
/// the community, a whistle with one department answered and one late, co-handling, an arbitration, a merged
/// duplicate. They are driven by the demo users through the same services the API calls (report, complete work
/// items, whistle, merge), so journal, work items and timers are real. Only into a database without cases.
/// </summary>
public sealed class DemoCases(
    GridCaseDbContext db, IOptions<DemoOptions> options, UserManager<GridCaseUser> users, IUserClaimsPrincipalFactory<GridCaseUser> principals,
    ReportCase report, CaseWorkflow workflow, CaseWhistle whistle, CaseMerge merge, TimeProvider clock, ILogger<DemoCases> log)
{
    private const string Grid = "JB0101G01";
    private const string Subdistrict = "JB01";
    // Shipped catalog items (workflow-definitions/catalog) the demo stories are about; none names co-handlers of its own.
    private const string StreetVending = "03.024", SewerBlocked = "01.014", ScrapOnRoad = "08.022", StreetLightOut = "01.022";
    private static readonly string[] ItemCodes = [StreetVending, SewerBlocked, ScrapOnRoad, StreetLightOut];
    private readonly Dictionary<string, ClaimsPrincipal> _principals = [];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Cases.AnyAsync(cancellationToken)) return;
        var started = clock.GetTimestamp();
        var items = await db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent && ItemCodes.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, cancellationToken);
        // A district's own files (Shipped:Folder) may lack the shipped grid or items the stories are about: no half a demo then.
        if (items.Count < ItemCodes.Length || !await db.OrgUnits.AnyAsync(u => u.Code == Grid, cancellationToken))
        {
            log.LogWarning("No demo cases: the org tree or catalog lacks grid {Grid} or some of {Codes} / 缺少演示网格或事项，未写入演示案件",
                Grid, string.Join(", ", ItemCodes));
            return;
        }

        await AtCommunityAsync(cancellationToken);
        await WhistledAsync(items[StreetVending], cancellationToken);
        await CoHandledAsync(items[SewerBlocked], cancellationToken);
        await InArbitrationAsync(items[ScrapOnRoad], cancellationToken);
        await MergedAsync(items[StreetLightOut], cancellationToken);
        log.LogInformation("Seeded the demo cases in {Elapsed} ms / 已写入演示案件", (int)clock.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>分级处置: a grid worker's patrol report the grid could not settle, escalated to the community.</summary>
    private async Task AtCommunityAsync(CancellationToken ct)
    {
        var id = await ReportAsync($"grid.{Grid}", "GridPatrol", "楼道堆放杂物引发邻里纠纷", null, "滨江路 18 号 2 单元", ct);
        await CompleteAsync(id, w => w.ActivityId == "grid", $"grid.{Grid}", "Escalate", "邻里纠纷，网格内调解不成", null, ct);
    }

    /// <summary>
    /// 吹哨报到: the subdistrict summons 城管 and 住建; 城管 reports, 住建 does not. The limit is short natural time
    /// (<see cref="DemoOptions.LateSummonsLimit"/>), so the unanswered summons really goes overdue by its SLA timer and
    /// lands on the supervision list — no deadline is written into the past.
    /// </summary>
    private async Task WhistledAsync(CatalogItem item, CancellationToken ct)
    {
        var id = await ReportAsync("acceptor", "Hotline12345", "背街小巷商铺占道经营，雨棚疑似违建", item.Code, "滨江路 26 号", ct);
        await CompleteAsync(id, w => w.Stage == CaseStage.Accept, "acceptor", "Accept", null, null, ct);
        await whistle.WhistleAsync(id, new WhistleRequest(["CGJ", "ZJJ"], "违建与占道交织，需城管、住建到场 / needs 城管 and 住建 on site",
            options.Value.LateSummonsLimit), await AsAsync($"supervisor.{Subdistrict}"), ct);
        await CompleteAsync(id, w => w.Kind == WorkItemKind.Summons && w.ScopeOrgUnitCode == "CGJ", "handler.CGJ",
            Summons.Reported, "城管已到场，占道部分今日清理", null, ct);
    }

    /// <summary>主办/协办: 水务 leads, 城管 and 住建 co-handle; 城管 has submitted its part.</summary>
    private async Task CoHandledAsync(CatalogItem item, CancellationToken ct)
    {
        var id = await ReportAsync("acceptor", "Hotline12345", "市政排水管道堵塞，路面污水漫溢", item.Code, "滨江路与临江街交叉口", ct);
        await CompleteAsync(id, w => w.Stage == CaseStage.Accept, "acceptor", "Accept", null, null, ct);
        await CompleteAsync(id, w => w.Stage == CaseStage.Dispatch, "dispatcher", "Dispatch", null,
            new JsonObject { ["leadDepartmentCode"] = "SWJ", ["coHandlerCodes"] = new JsonArray("CGJ", "ZJJ") }, ct);
        await CompleteAsync(id, w => w.Stage == CaseStage.Handle && w.ScopeOrgUnitCode == "CGJ", "handler.CGJ", "Submit", "已设置围挡、清理路面", null, ct);
    }

    /// <summary>三定: returned by its owner, re-dispatched, returned again — on the district's arbitration list.</summary>
    private async Task InArbitrationAsync(CatalogItem item, CancellationToken ct)
    {
        var id = await ReportAsync("acceptor", "Hotline12345", "废品回收点占用人行道堆放", item.Code, "江滨大道与环城路口", ct);
        await CompleteAsync(id, w => w.Stage == CaseStage.Accept, "acceptor", "Accept", null, null, ct);
        await CompleteAsync(id, w => w.Stage == CaseStage.Dispatch, "dispatcher", "Dispatch", null, null, ct);
        await CompleteAsync(id, w => w.Stage == CaseStage.Handle, $"handler.{item.OwnerDepartmentCode}", "Return", "非本单位职责", null, ct);
        var other = new[] { "ZJJ", "CGJ", "SFJ", "JYJ" }.First(d => d != item.OwnerDepartmentCode);
        await CompleteAsync(id, w => w.Stage == CaseStage.Dispatch, "dispatcher", "Dispatch", null, new JsonObject { ["departmentCode"] = other }, ct);
        await CompleteAsync(id, w => w.Stage == CaseStage.Handle, $"handler.{other}", "Return", "也不是我们的职责", null, ct);
    }

    /// <summary>并案: a second call about the same place, merged by the acceptor into the first.</summary>
    private async Task MergedAsync(CatalogItem item, CancellationToken ct)
    {
        var master = await ReportAsync("acceptor", "Hotline12345", "临江街路灯不亮", item.Code, "临江街 40 号", ct);
        await CompleteAsync(master, w => w.Stage == CaseStage.Accept, "acceptor", "Accept", null, null, ct);
        var duplicate = await ReportAsync("acceptor", "Hotline12345", "临江街 40 号门口路灯坏了", item.Code, "临江街 40 号对面", ct);
        await merge.MergeAsync(duplicate, new MergeCaseBody(master, "同一盏路灯 / the same street light"), await AsAsync("acceptor"), ct);
    }

    private async Task<Guid> ReportAsync(string user, string channel, string title, string? itemCode, string address, CancellationToken ct)
    {
        var request = new ReportCaseRequest(channel, title, "演示数据 / demo data", itemCode, new ReportLocation(Grid, null, null, address),
            new ReportReporter("王先生", "13800000000"));
        return (await report.HandleAsync(request, null, await AsAsync(user), ct)).CaseId;
    }

    private async Task CompleteAsync(
        Guid caseId, Func<WorkItem, bool> which, string user, string outcome, string? comment, JsonObject? data, CancellationToken ct)
    {
        var open = await db.WorkItems.AsNoTracking().Where(w => w.CaseId == caseId && w.Status == WorkItemStatus.Open).ToListAsync(ct);
        var item = open.Single(which);
        await workflow.CompleteAsync(item.Id, await AsAsync(user), outcome, comment, data, ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo user as the API would see them after signing in: same roles, same org unit claim.</summary>
    private async Task<ClaimsPrincipal> AsAsync(string userName)
    {
        if (_principals.TryGetValue(userName, out var known)) return known;
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no demo user {userName}");
        return _principals[userName] = await principals.CreateAsync(user);
    }
}
