using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Tiered;

/// <summary>
/// The shipped tiered-handling flow (分级处置), bound to grid patrol reports: solved on the spot, by the community, by the
/// subdistrict, or dispatched by the district platform; each escalation journaled with its reason, the case at its level.
/// </summary>
public sealed class TieredHandlingTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    public const string Grid = "JB0101G01";
    public const string GridWorker = "grid.JB0101G01";
    public const string Community = "community.JB0101";
    public const string Enforcement = "enforcement.JB01";

    /// <summary>A grid worker reports from patrol: no catalog item, no acceptor.</summary>
    public static async Task<JsonNode> PatrolReportAsync(GridCaseApp app, string title = "楼道堆放杂物")
    {
        var c = await ApiClient.ReadAsync(await app.Client(GridWorker).PostAsync("/api/cases",
            new { channel = "GridPatrol", title, description = "巡查发现", location = new { gridCode = Grid, address = "滨江路 18 号 2 单元" } }), HttpStatusCode.Created);
        Assert.Equal("tiered-handling", c["workflow"]!["definitionId"]!.GetValue<string>());
        return c;
    }

    public static async Task<JsonNode> CompleteAsync(GridCaseApp app, JsonNode c, string activityId, string user, string outcome, string? comment = null, object? data = null)
    {
        var item = Open(c, activityId);
        return await ApiClient.ReadAsync(await app.Client(user).CompleteAsync(item["id"]!.GetValue<string>(), outcome, comment, data), HttpStatusCode.OK);
    }

    public static JsonNode Open(JsonNode c, string activityId) =>
        c["openWorkItems"]!.AsArray().Single(w => w!["activityId"]!.GetValue<string>() == activityId)!;

    private static string Level(JsonNode c) => c["responsibleLevel"]!.GetValue<string>();

    private static List<string> Escalations(JsonNode c) =>
        [.. c["journal"]!.AsArray().Where(j => j!["event"]!.GetValue<string>() == "Escalated").Select(j => $"{j!["actor"]}: {j["comment"]}")];

    private static void AssertSolvedAt(JsonNode c, string level)
    {
        Assert.Equal(("Done", "Closed"), (c["stage"]!.GetValue<string>(), c["status"]!.GetValue<string>()));
        Assert.Equal(level, c["assessment"]!["solvedAtLevel"]!.GetValue<string>());
    }

    /// <summary>Escalates from the grid up to <paramref name="level"/>, each time with a reason, as the people of each level.</summary>
    public static async Task<JsonNode> EscalateToAsync(GridCaseApp app, JsonNode c, string level)
    {
        c = await CompleteAsync(app, c, "grid", GridWorker, "Escalate", "邻里纠纷，网格内调解不成");
        if (level == "Community") return c;
        c = await CompleteAsync(app, c, "community", Community, "Escalate", "涉及违法搭建，需综合执法");
        if (level == "Subdistrict") return c;
        return await CompleteAsync(app, c, "subdistrict", Enforcement, "Escalate", "需城管、住建多部门联合处置");
    }

    public static async Task<JsonNode> SolveOnTheSpotAsync(GridCaseApp app)
    {
        var c = await PatrolReportAsync(app);
        var id = c["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await app.Client(GridWorker).UploadPhotoAsync(id, "After")).StatusCode);
        c = await CompleteAsync(app, await app.Client(GridWorker).GetJsonAsync($"/api/cases/{id}"), "grid", GridWorker, "SolvedOnSpot", "已现场清理");
        return await CompleteAsync(app, c, "communityCheck", Community, "Pass");
    }

    [Fact]
    public async Task A_grid_worker_solves_it_on_the_spot_with_an_after_photo_and_the_case_closes_after_the_community_check()
    {
        var c = await PatrolReportAsync(app);
        var id = c["id"]!.GetValue<string>();
        Assert.Equal(("Grid", Grid), (Level(c), c["responsibleOrgUnitCode"]!.GetValue<string>()));
        var gridItem = Open(c, "grid");
        Assert.Equal((Grid, "GridWorker"), (gridItem["scopeOrgUnitCode"]!.GetValue<string>(), gridItem["role"]!.GetValue<string>()));
        Assert.NotNull(gridItem["dueAt"]?.GetValue<DateTimeOffset>());

        // Without the after-photo the worker is told so, and nothing moves.
        var journal = c["journal"]!.AsArray().Count;
        var problem = await ApiClient.ProblemAsync(await app.Client(GridWorker).CompleteAsync(gridItem["id"]!.GetValue<string>(), "SolvedOnSpot"), HttpStatusCode.BadRequest);
        Assert.Equal(["AfterPhoto"], problem["errors"]!["closureRequirements"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(journal, (await app.Client(GridWorker).GetJsonAsync($"/api/cases/{id}"))["journal"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.Created, (await app.Client(GridWorker).UploadPhotoAsync(id, "After")).StatusCode);
        c = await CompleteAsync(app, c, "grid", GridWorker, "SolvedOnSpot", "已现场清理");
        var check = Open(c, "communityCheck");
        Assert.Equal(("Verify", "JB0101"), (check["stage"]!.GetValue<string>(), check["scopeOrgUnitCode"]!.GetValue<string>()));
        await ApiClient.ProblemAsync(await app.Client(GridWorker).CompleteAsync(check["id"]!.GetValue<string>(), "Pass"), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await app.Client("community.JB0102").CompleteAsync(check["id"]!.GetValue<string>(), "Pass"), HttpStatusCode.Forbidden);

        c = await CompleteAsync(app, c, "communityCheck", Community, "Pass");
        AssertSolvedAt(c, "Grid");
        Assert.Empty(Escalations(c));
    }

    [Fact]
    public async Task What_the_grid_cannot_solve_the_community_handles_and_the_grid_worker_verifies()
    {
        var c = await EscalateToAsync(app, await PatrolReportAsync(app), "Community");
        Assert.Equal(("Community", "JB0101"), (Level(c), c["responsibleOrgUnitCode"]!.GetValue<string>()));
        Assert.Equal([$"{GridWorker}: Grid → Community (JB0101): 邻里纠纷，网格内调解不成"], Escalations(c));
        var community = Open(c, "community");
        Assert.Equal("JB0101", community["scopeOrgUnitCode"]!.GetValue<string>());
        // The community's limit (3 working days) is its own, longer than the grid's four hours.
        Assert.True(community["dueAt"]!.GetValue<DateTimeOffset>() - community["createdAt"]!.GetValue<DateTimeOffset>() > TimeSpan.FromDays(2));
        await ApiClient.ProblemAsync(await app.Client(GridWorker).CompleteAsync(community["id"]!.GetValue<string>(), "Complete"), HttpStatusCode.Forbidden);

        c = await CompleteAsync(app, c, "community", Community, "Complete", "议事协商达成一致");
        c = await CompleteAsync(app, c, "verify", GridWorker, "Pass");
        AssertSolvedAt(c, "Community");
    }

    [Fact]
    public async Task What_the_community_cannot_solve_goes_to_subdistrict_enforcement()
    {
        var c = await EscalateToAsync(app, await PatrolReportAsync(app), "Subdistrict");
        Assert.Equal(("Subdistrict", "JB01"), (Level(c), c["responsibleOrgUnitCode"]!.GetValue<string>()));
        Assert.Equal($"{Community}: Community → Subdistrict (JB01): 涉及违法搭建，需综合执法", Escalations(c)[1]);
        Assert.Equal("JB01", Open(c, "subdistrict")["scopeOrgUnitCode"]!.GetValue<string>());
        await ApiClient.ProblemAsync(await app.Client(Community).CompleteAsync(Open(c, "subdistrict")["id"]!.GetValue<string>(), "Complete"), HttpStatusCode.Forbidden);

        // A failed verification goes back to the level that handled it.
        c = await CompleteAsync(app, c, "subdistrict", Enforcement, "Complete", "已责令拆除");
        c = await CompleteAsync(app, c, "verify", GridWorker, "Fail", "仍未拆除");
        c = await CompleteAsync(app, c, "subdistrict", Enforcement, "Complete", "已强制拆除");
        c = await CompleteAsync(app, c, "verify", GridWorker, "Pass");
        AssertSolvedAt(c, "Subdistrict");
        Assert.Equal(1, c["reworkCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task What_needs_several_departments_goes_to_the_district_platform_which_dispatches_it()
    {
        var c = await EscalateToAsync(app, await PatrolReportAsync(app), "District");
        Assert.Equal(("District", "JB"), (Level(c), c["responsibleOrgUnitCode"]!.GetValue<string>()));
        Assert.Equal(3, Escalations(c).Count);
        Assert.Equal($"{Enforcement}: Subdistrict → District (JB): 需城管、住建多部门联合处置", Escalations(c)[2]);

        var problem = await ApiClient.ProblemAsync(await app.Client("dispatcher").CompleteAsync(Open(c, "districtDispatch")["id"]!.GetValue<string>(), "Dispatch"), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("data.departmentCode"));
        c = await CompleteAsync(app, c, "districtDispatch", "dispatcher", "Dispatch", data: new { departmentCode = "CGJ" });
        Assert.Equal("CGJ", Open(c, "districtHandle")["scopeOrgUnitCode"]!.GetValue<string>());
        c = await CompleteAsync(app, c, "districtHandle", "handler.CGJ", "Complete", "联合执法完成");
        c = await CompleteAsync(app, c, "verify", GridWorker, "Pass");
        AssertSolvedAt(c, "District");
        Assert.Equal("District", c["responsibleLevel"]!.GetValue<string>());
    }

    [Fact]
    public async Task At_the_district_platform_a_dispatch_with_a_lead_and_a_co_handler_is_handled_by_both_then_verified_and_closed()
    {
        var c = await EscalateToAsync(app, await PatrolReportAsync(app, "违建占道，多部门处置"), "District");
        c = await CompleteAsync(app, c, "districtDispatch", "dispatcher", "Dispatch",
            data: new { leadDepartmentCode = "CGJ", coHandlerCodes = new[] { "ZJJ" } });

        Assert.Equal("CGJ", c["departmentCode"]!.GetValue<string>());
        Assert.Equal(["ZJJ"], c["coHandlerCodes"]!.AsArray().Select(x => x!.GetValue<string>()));
        var handle = c["openWorkItems"]!.AsArray().Where(w => w!["stage"]!.GetValue<string>() == "Handle")
            .ToDictionary(w => w!["scopeOrgUnitCode"]!.GetValue<string>(), w => w!);
        Assert.Equal(["CGJ", "ZJJ"], handle.Keys.Order());
        Assert.Equal(("districtCoHandle", "Lead"), (handle["CGJ"]["activityId"]!.GetValue<string>(), handle["CGJ"]["kind"]!.GetValue<string>()));
        Assert.Equal(("CoHandler", "Submit"), (handle["ZJJ"]["kind"]!.GetValue<string>(), handle["ZJJ"]["outcomes"]!.AsArray().Single()!.GetValue<string>()));
        await ApiClient.ProblemAsync(await app.Client("handler.ZJJ").CompleteAsync(handle["CGJ"]["id"]!.GetValue<string>(), "Complete", "不是我的"), HttpStatusCode.Forbidden);

        // The lead's part done, the case waits for the co-handler before it goes to verification.
        c = await ApiClient.ReadAsync(await app.Client("handler.CGJ").CompleteAsync(handle["CGJ"]["id"]!.GetValue<string>(), "Complete", "拆除违建"), HttpStatusCode.OK);
        Assert.DoesNotContain(c["openWorkItems"]!.AsArray(), w => w!["stage"]!.GetValue<string>() == "Verify");
        c = await ApiClient.ReadAsync(await app.Client("handler.ZJJ").CompleteAsync(handle["ZJJ"]["id"]!.GetValue<string>(), "Submit", "房屋安全鉴定完成"), HttpStatusCode.OK);
        Assert.All(c["parts"]!.AsArray(), p => Assert.Equal("Completed", p!["status"]!.GetValue<string>()));

        c = await CompleteAsync(app, c, "verify", GridWorker, "Pass");
        AssertSolvedAt(c, "District");
        // The co-handler's submission, the last part, finished the handling.
        Assert.Contains(c["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "TasksCompleted" && j["actor"]!.GetValue<string>() == "handler.ZJJ");
    }

    [Fact]
    public async Task At_the_district_platform_the_second_return_goes_to_arbitration()
    {
        var c = await EscalateToAsync(app, await PatrolReportAsync(app, "管辖不清的占道"), "District");
        c = await CompleteAsync(app, c, "districtDispatch", "dispatcher", "Dispatch", data: new { departmentCode = "CGJ" });
        c = await CompleteAsync(app, c, "districtHandle", "handler.CGJ", "Return", "非本单位职责");
        // The first return goes back to the district dispatcher.
        c = await CompleteAsync(app, c, "districtDispatch", "dispatcher", "Dispatch", data: new { leadDepartmentCode = "ZJJ", coHandlerCodes = new[] { "CGJ" } });
        var lead = c["openWorkItems"]!.AsArray().Single(w => w!["scopeOrgUnitCode"]!.GetValue<string>() == "ZJJ")!;
        c = await ApiClient.ReadAsync(await app.Client("handler.ZJJ").CompleteAsync(lead["id"]!.GetValue<string>(), "Return", "也不是我们的职责"), HttpStatusCode.OK);

        Assert.Equal(2, c["returnCount"]!.GetValue<int>());
        Assert.DoesNotContain(c["openWorkItems"]!.AsArray(), w => w!["stage"]!.GetValue<string>() is "Handle" or "Dispatch");
        var arbitrate = Open(c, "districtArbitrate");
        Assert.Equal(("Arbitrate", "Supervisor"), (arbitrate["stage"]!.GetValue<string>(), arbitrate["role"]!.GetValue<string>()));

        // The arbitrator's designation opens the owner's Handle task at the district step.
        c = await CompleteAsync(app, c, "districtArbitrate", "supervisor", "Designate", "经区三定协调会议研究，由住建局牵头处置",
            new { ownerDepartmentCode = "ZJJ", basisKind = "Designated" });
        Assert.Equal("ZJJ", Open(c, "districtHandle")["scopeOrgUnitCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Grid_patrol_cases_are_bound_to_tiered_handling_by_default_and_other_channels_keep_the_case_lifecycle()
    {
        var bindings = await app.Client("policy").GetJsonAsync("/api/flow-bindings");
        Assert.Contains(bindings.AsArray(), b => b!["channel"]?.GetValue<string>() == "GridPatrol" && b["definitionId"]!.GetValue<string>() == "tiered-handling");
        var other = await app.Client("acceptor").ReportAsync(null);
        Assert.Equal("case-lifecycle", other["workflow"]!["definitionId"]!.GetValue<string>());
        Assert.Null(other["responsibleLevel"]?.GetValue<string>());
    }
}

/// <summary>The dashboard's share of tiered cases solved within the grid and the community, on a host of its own.</summary>
public sealed class TieredDashboardTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    [Fact]
    public async Task The_dashboard_gives_the_share_of_tiered_cases_solved_within_grid_and_community()
    {
        await TieredHandlingTests.SolveOnTheSpotAsync(app);
        var c = await TieredHandlingTests.EscalateToAsync(app, await TieredHandlingTests.PatrolReportAsync(app), "Subdistrict");
        c = await TieredHandlingTests.CompleteAsync(app, c, "subdistrict", TieredHandlingTests.Enforcement, "Complete", "已处置");
        await TieredHandlingTests.CompleteAsync(app, c, "verify", TieredHandlingTests.GridWorker, "Pass");
        c = await TieredHandlingTests.EscalateToAsync(app, await TieredHandlingTests.PatrolReportAsync(app), "Community");
        c = await TieredHandlingTests.CompleteAsync(app, c, "community", TieredHandlingTests.Community, "Complete", "议事协商解决");
        await TieredHandlingTests.CompleteAsync(app, c, "verify", TieredHandlingTests.GridWorker, "Pass");
        // Open tiered cases and cases on other flows do not count.
        await TieredHandlingTests.PatrolReportAsync(app);

        var dashboard = await app.Client("supervisor").GetJsonAsync("/api/dashboard");
        var share = dashboard["solvedWithinGridAndCommunity"]!;
        Assert.Equal((2, 3), (share["count"]!.GetValue<int>(), share["of"]!.GetValue<int>()));
        Assert.Equal(2.0 / 3, share["rate"]!.GetValue<double>(), 3);
        var byLevel = dashboard["solvedByLevel"]!.AsArray().ToDictionary(l => l!["level"]!.GetValue<string>(), l => l!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["Grid"] = 1, ["Community"] = 1, ["Subdistrict"] = 1, ["District"] = 0 }, byLevel);
    }
}
