using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Governance;

/// <summary>主办/协办 on the shipped case-lifecycle flow: a dispatch naming co-handlers opens a Handle task per department.</summary>
public sealed class CoHandlingTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private CaseDriver Driver() => new(app);

    private static string S(JsonNode? n) => n!.GetValue<string>();

    private static JsonNode Part(JsonNode c, string dept) =>
        c["openWorkItems"]!.AsArray().Single(w => S(w!["stage"]) == "Handle" && S(w["scopeOrgUnitCode"]) == dept)!;

    /// <summary>A case dispatched to 城管 (lead) with 水务 and 住建 co-handling.</summary>
    private async Task<JsonNode> CoHandledAsync(CaseDriver d)
    {
        var c = await d.CompleteAsync(await d.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code), "Accept", "Accept");
        return await d.CompleteAsync(c, "Dispatch", "Dispatch", data: new { leadDepartmentCode = "CGJ", coHandlerCodes = new[] { "SWJ", "ZJJ" } });
    }

    private static async Task<JsonNode> WorkAsync(CaseDriver d, JsonNode c, string dept, string outcome, string? comment = null, object? data = null) =>
        await ApiClient.ReadAsync(await d.As($"handler.{dept}").CompleteAsync(S(Part(c, dept)["id"]), outcome, comment, data), HttpStatusCode.OK);

    private static List<string> Events(JsonNode c) => [.. c["journal"]!.AsArray().Select(j => S(j!["event"]))];

    [Fact]
    public async Task Each_department_gets_a_handle_task_and_handling_is_done_when_the_lead_and_every_co_handler_are()
    {
        var d = Driver();
        var c = await CoHandledAsync(d);

        Assert.Equal("CGJ", S(c["departmentCode"]));
        Assert.Equal(["SWJ", "ZJJ"], c["coHandlerCodes"]!.AsArray().Select(S));
        Assert.Equal("Lead", S(Part(c, "CGJ")["kind"]));
        Assert.Equal(["Complete", "Return"], Part(c, "CGJ")["outcomes"]!.AsArray().Select(S));
        Assert.Equal("CoHandler", S(Part(c, "SWJ")["kind"]));
        Assert.Equal(["Submit"], Part(c, "ZJJ")["outcomes"]!.AsArray().Select(S));
        Assert.All(c["openWorkItems"]!.AsArray(), w => Assert.NotNull(w!["dueAt"]));
        Assert.Equal(["CGJ", "SWJ", "ZJJ"], c["parts"]!.AsArray().Select(p => S(p!["orgUnitCode"])).Order());
        // A co-handling department sees the case it has a part in.
        Assert.Equal(S(c["id"]), S((await d.As("handler.ZJJ").GetJsonAsync($"/api/cases/{S(c["id"])}"))["id"]));

        c = await WorkAsync(d, c, "SWJ", "Submit", "已清理河道部分");
        c = await WorkAsync(d, c, "CGJ", "Complete", "已处置");
        Assert.Equal("Handle", S(c["stage"]));
        Assert.DoesNotContain(c["openWorkItems"]!.AsArray(), w => S(w!["stage"]) == "Verify");
        c = await WorkAsync(d, c, "ZJJ", "Submit", "已修复");

        Assert.Single(c["openWorkItems"]!.AsArray(), w => S(w!["stage"]) == "Verify");
        var parts = c["parts"]!.AsArray();
        Assert.All(parts, p => Assert.Equal("Completed", S(p!["status"])));
        Assert.Equal("已清理河道部分", S(parts.Single(p => S(p!["orgUnitCode"]) == "SWJ")!["comment"]));
        Assert.Equal("handler.ZJJ", S(parts.Single(p => S(p!["orgUnitCode"]) == "ZJJ")!["completedBy"]));
        var journal = c["journal"]!.AsArray();
        Assert.Contains(journal, j => S(j!["event"]) == "PartSubmitted" && S(j["actor"]) == "handler.SWJ" && S(j["comment"]).Contains("已清理河道部分"));
        Assert.Contains(journal, j => S(j!["event"]) == "TasksCompleted" && S(j["outcome"]) == "Complete" && S(j["actor"]) == "handler.ZJJ");

        c = await d.CompleteAsync(c, "Verify", "Pass");
        Assert.True(c["assessment"]!["onTime"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_lead_may_finish_without_the_co_handlers_only_with_a_comment_and_that_is_journaled()
    {
        var d = Driver();
        var c = await CoHandledAsync(d);
        var lead = S(Part(c, "CGJ")["id"]);

        var problem = await ApiClient.ProblemAsync(await d.As("handler.CGJ").CompleteAsync(lead, "Complete", data: new { @override = true }), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("comment"));
        var co = await ApiClient.ProblemAsync(await d.As("handler.SWJ").CompleteAsync(S(Part(c, "SWJ")["id"]), "Submit", "我先结", new { @override = true }), HttpStatusCode.BadRequest);
        Assert.True(co["errors"]!.AsObject().ContainsKey("data.override"));
        var unchanged = await d.CaseAsync(S(c["id"]));
        Assert.Equal(3, unchanged["openWorkItems"]!.AsArray().Count);
        Assert.Equal(Events(c), Events(unchanged));

        c = await WorkAsync(d, c, "CGJ", "Complete", "协办部门已口头确认，主办全部处置完毕", new { @override = true });

        Assert.Single(c["openWorkItems"]!.AsArray(), w => S(w!["stage"]) == "Verify");
        Assert.DoesNotContain(c["openWorkItems"]!.AsArray(), w => S(w!["stage"]) == "Handle");
        Assert.Contains(c["journal"]!.AsArray(), j => S(j!["event"]) == "LeadOverride" && S(j["actor"]) == "handler.CGJ"
            && S(j["comment"]).Contains("协办部门已口头确认"));
        Assert.Equal(["CGJ"], c["parts"]!.AsArray().Select(p => S(p!["orgUnitCode"])));
    }

    [Fact]
    public async Task A_late_co_handler_part_counts_against_the_co_handler_not_the_lead()
    {
        var d = Driver();
        var c = await CoHandledAsync(d);
        c = await WorkAsync(d, c, "CGJ", "Complete", "已处置");
        c = await WorkAsync(d, c, "SWJ", "Submit");
        var due = Part(c, "ZJJ")["dueAt"]!.GetValue<DateTimeOffset>();
        app.FakeClock.SetUtcNow(due.AddMinutes(1));
        await app.SweepAsync();

        d = Driver();
        c = await d.CaseAsync(S(c["id"]));
        Assert.Equal("Overdue", S(Part(c, "ZJJ")["sla"]));
        var entries = await d.As("supervisor").GetJsonAsync("/api/supervision-entries?level=Overdue&pageSize=200");
        Assert.Contains(entries["items"]!.AsArray(), e => S(e!["workItemId"]) == S(Part(c, "ZJJ")["id"]));
        c = await WorkAsync(d, c, "ZJJ", "Submit", "迟交");
        c = await d.CompleteAsync(c, "Verify", "Pass");

        Assert.True(c["assessment"]!["onTime"]!.GetValue<bool>());
        Assert.Equal(0, c["assessment"]!["lateWorkItems"]!.GetValue<int>());
        var sla = c["departmentSla"]!.AsArray();
        Assert.False(sla.Single(s => S(s!["orgUnitCode"]) == "ZJJ")!["onTime"]!.GetValue<bool>());
        Assert.True(sla.Single(s => S(s!["orgUnitCode"]) == "CGJ")!["onTime"]!.GetValue<bool>());
        Assert.True(c["parts"]!.AsArray().Single(p => S(p!["orgUnitCode"]) == "ZJJ")!["late"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_lead_return_goes_back_to_dispatch_at_once_and_cancels_the_parts()
    {
        var d = Driver();
        var c = await CoHandledAsync(d);
        c = await WorkAsync(d, c, "CGJ", "Return", "不属于城管职责");

        Assert.Equal("Dispatch", S(c["stage"]));
        Assert.Equal(["Dispatch"], c["openWorkItems"]!.AsArray().Select(w => S(w!["stage"])));
        Assert.Equal(1, c["returnCount"]!.GetValue<int>());

        // Re-dispatched without co-handlers, the case runs the plain handling of before.
        c = await d.CompleteAsync(c, "Dispatch", "Dispatch", data: new { departmentCode = "SWJ" });
        Assert.Empty(c["coHandlerCodes"]!.AsArray());
        var handle = CaseDriver.OpenItem(c, "Handle");
        Assert.Equal("Task", S(handle["kind"]));
        Assert.Equal("handle", S(handle["activityId"]));
    }

    [Fact]
    public async Task A_dispatch_naming_bad_co_handlers_is_refused_with_every_error_and_changes_nothing()
    {
        var d = Driver();
        var c = await d.CompleteAsync(await d.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code), "Accept", "Accept");
        var dispatch = S(CaseDriver.OpenItem(c, "Dispatch")["id"]);

        var problem = await ApiClient.ProblemAsync(await d.As("dispatcher").CompleteAsync(dispatch, "Dispatch", null,
            new { leadDepartmentCode = "JB01", coHandlerCodes = new[] { "SWJ", "NOPE" } }), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("data.leadDepartmentCode"));
        Assert.True(errors.ContainsKey("data.coHandlerCodes"));
        await ApiClient.ProblemAsync(await d.As("dispatcher").CompleteAsync(dispatch, "Dispatch", null,
            new { leadDepartmentCode = "SWJ", coHandlerCodes = new[] { "SWJ" } }), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await d.As("dispatcher").CompleteAsync(dispatch, "Dispatch", null,
            new { coHandlerCodes = "SWJ" }), HttpStatusCode.BadRequest);

        var after = await d.CaseAsync(S(c["id"]));
        Assert.Equal("Dispatch", S(after["stage"]));
        Assert.Equal(dispatch, S(CaseDriver.OpenItem(after, "Dispatch")["id"]));
        Assert.Equal(Events(c), Events(after));
    }

    [Fact]
    public async Task Departments_completing_at_the_same_moment_each_land_once_and_the_handling_moves_on_once()
    {
        var d = Driver();
        var c = await CoHandledAsync(d);
        var ids = new[] { "CGJ", "SWJ", "ZJJ" }.ToDictionary(x => x, x => S(Part(c, x)["id"]));

        var answers = await Task.WhenAll(
            d.As("handler.CGJ").CompleteAsync(ids["CGJ"], "Complete", "已处置"),
            d.As("handler.CGJ").CompleteAsync(ids["CGJ"], "Complete", "重复提交"),
            d.As("handler.SWJ").CompleteAsync(ids["SWJ"], "Submit"),
            d.As("handler.ZJJ").CompleteAsync(ids["ZJJ"], "Submit"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict],
            answers.Select(a => a.StatusCode).Order());
        c = await d.CaseAsync(S(c["id"]));
        Assert.Single(c["openWorkItems"]!.AsArray(), w => S(w!["stage"]) == "Verify");
        Assert.Equal(1, Events(c).Count(e => e == "TasksCompleted"));
        var answered = c["journal"]!.AsArray()
            .Where(j => j!["activityId"]?.GetValue<string>() == "coHandle" && S(j["event"]) is "TaskCompleted" or "PartSubmitted" or "TasksCompleted")
            .Select(j => S(j!["actor"])).Order();
        Assert.Equal(["handler.CGJ", "handler.SWJ", "handler.ZJJ"], answered);
        Assert.All(c["parts"]!.AsArray(), p => Assert.Equal("Completed", S(p!["status"])));
    }
}
