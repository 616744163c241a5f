using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Governance;

/// <summary>吹哨报到: a subdistrict summons departments to a case; each reports within a short limit or lands on the supervision list.</summary>
public sealed class WhistleTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private const string Subdistrict = "supervisor.JB01";

    private CaseDriver Driver() => new(app);

    private static string S(JsonNode? n) => n!.GetValue<string>();

    private static List<JsonNode> Summonses(JsonNode c) =>
        [.. c["openWorkItems"]!.AsArray().Where(w => S(w!["kind"]) == "Summons").Select(w => w!)];

    private static JsonNode SummonsOf(JsonNode c, string dept) => Summonses(c).Single(w => S(w["scopeOrgUnitCode"]) == dept);

    private static object Whistle(params string[] departments) =>
        new { departments, reason = "占道经营反复出现，需城管、市场监管联合执法", responseLimit = "PT2H" };

    private async Task<JsonNode> WhistleAsync(CaseDriver d, JsonNode c, object body, string user = Subdistrict) =>
        await ApiClient.ReadAsync(await d.As(user).PostAsync($"/api/cases/{S(c["id"])}/whistle", body), HttpStatusCode.OK);

    [Fact]
    public async Task Each_summoned_department_gets_a_report_item_with_the_short_limit_and_its_response_is_journaled()
    {
        var d = Driver();
        var c = await d.ToHandleAsync(TestCatalog.PlainItem(app).Code);

        c = await WhistleAsync(d, c, Whistle("CGJ", "SCJGJ"));

        var summonses = Summonses(c);
        Assert.Equal(["CGJ", "SCJGJ"], summonses.Select(w => S(w["scopeOrgUnitCode"])).Order());
        Assert.All(summonses, w =>
        {
            Assert.Equal("whistle", S(w["activityId"]));
            Assert.Equal(["Reported"], w["outcomes"]!.AsArray().Select(S));
            Assert.Equal(TimeSpan.FromHours(2), w["dueAt"]!.GetValue<DateTimeOffset>() - w["createdAt"]!.GetValue<DateTimeOffset>());
        });
        Assert.Contains(c["journal"]!.AsArray(), j => S(j!["event"]) == "Whistled" && S(j["actor"]) == Subdistrict && S(j["comment"]).Contains("占道经营"));
        // The summoned department finds it in its inbox and may see the case.
        Assert.Contains((await d.As("handler.SCJGJ").GetJsonAsync("/api/inbox")).AsArray(), w => S(w!["id"]) == S(SummonsOf(c, "SCJGJ")["id"]));
        await d.As("handler.SCJGJ").GetJsonAsync($"/api/cases/{S(c["id"])}");

        var id = S(SummonsOf(c, "SCJGJ")["id"]);
        var bare = await ApiClient.ProblemAsync(await d.As("handler.SCJGJ").CompleteAsync(id, "Reported"), HttpStatusCode.BadRequest);
        Assert.True(bare["errors"]!.AsObject().ContainsKey("comment"));
        var answers = await Task.WhenAll(
            d.As("handler.SCJGJ").CompleteAsync(id, "Reported", "已派执法队员 30 分钟内到场"),
            d.As("handler.SCJGJ").CompleteAsync(id, "Reported", "重复提交"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());

        c = await d.CaseAsync(S(c["id"]));
        Assert.Single(Summonses(c));
        Assert.Single(c["journal"]!.AsArray(), j => S(j!["event"]) == "SummonsAnswered");
        var answered = c["journal"]!.AsArray().Single(j => S(j!["event"]) == "SummonsAnswered")!;
        Assert.Equal("handler.SCJGJ", S(answered["actor"]));
        Assert.Contains("SCJGJ", S(answered["comment"]));
        var part = c["parts"]!.AsArray().Single(p => S(p!["orgUnitCode"]) == "SCJGJ")!;
        Assert.Equal(["Summons", "Completed", "Reported"], new[] { S(part["kind"]), S(part["status"]), S(part["outcome"]) });
        // The flow was not moved by the whistle: the case still waits on its own Handle task.
        Assert.Single(c["openWorkItems"]!.AsArray(), w => S(w!["stage"]) == "Handle" && S(w["kind"]) == "Task");
    }

    [Fact]
    public async Task An_unanswered_summons_goes_overdue_onto_the_supervision_list_against_the_department()
    {
        var d = Driver();
        var c = await WhistleAsync(d, await d.ToHandleAsync(TestCatalog.PlainItem(app).Code), Whistle("JTYSJ"));
        var summons = SummonsOf(c, "JTYSJ");
        var due = summons["dueAt"]!.GetValue<DateTimeOffset>();

        app.FakeClock.SetUtcNow(due.AddMinutes(1));
        await app.SweepAsync();

        d = Driver();
        c = await d.CaseAsync(S(c["id"]));
        Assert.Equal("Overdue", S(SummonsOf(c, "JTYSJ")["sla"]));
        Assert.Contains(c["journal"]!.AsArray(), j => S(j!["event"]) == "Overdue" && j["activityId"]?.GetValue<string>() == "whistle");
        var entries = await d.As("supervisor").GetJsonAsync("/api/supervision-entries?level=Overdue&pageSize=200");
        var entry = entries["items"]!.AsArray().Single(e => S(e!["workItemId"]) == S(summons["id"]))!;
        Assert.Equal("JTYSJ", S(entry["scopeOrgUnitCode"]));
        Assert.False(c["departmentSla"]!.AsArray().Single(s => S(s!["orgUnitCode"]) == "JTYSJ")!["onTime"]!.GetValue<bool>());

        // The case's own handling is on time: the department's late report is not the case's.
        var handle = c["openWorkItems"]!.AsArray().Single(w => S(w!["stage"]) == "Handle" && S(w["kind"]) == "Task")!;
        c = await ApiClient.ReadAsync(await d.As(S(handle["candidateUsers"]![0])).CompleteAsync(S(handle["id"]), "Complete", "已处置"), HttpStatusCode.OK);
        c = await d.CompleteAsync(c, "Verify", "Pass");
        Assert.Equal(0, c["assessment"]!["lateWorkItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_a_subdistrict_or_community_covering_the_case_may_whistle()
    {
        var d = Driver();
        var c = await d.ToHandleAsync(TestCatalog.PlainItem(app).Code);
        var url = $"/api/cases/{S(c["id"])}/whistle";

        await ApiClient.ProblemAsync(await d.As("supervisor.JB02").PostAsync(url, Whistle("CGJ")), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await d.As("supervisor").PostAsync(url, Whistle("CGJ")), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await d.As("handler.CGJ").PostAsync(url, Whistle("CGJ")), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await d.As(Subdistrict).PostAsync($"/api/cases/{Guid.NewGuid()}/whistle", Whistle("CGJ")), HttpStatusCode.NotFound);

        var after = await d.CaseAsync(S(c["id"]));
        Assert.Empty(Summonses(after));
        Assert.Equal(c["journal"]!.AsArray().Count, after["journal"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_bad_whistle_names_every_field_at_fault_and_writes_nothing()
    {
        var d = Driver();
        var c = await d.ToHandleAsync(TestCatalog.PlainItem(app).Code);
        var url = $"/api/cases/{S(c["id"])}/whistle";

        var problem = await ApiClient.ProblemAsync(await d.As(Subdistrict).PostAsync(url, new { departments = new[] { "CGJ", "JB01" }, reason = " ", responseLimit = "soon" }), HttpStatusCode.BadRequest);
        Assert.Equal(["departments", "reason", "responseLimit"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        await ApiClient.ProblemAsync(await d.As(Subdistrict).PostAsync(url, new { departments = Array.Empty<string>(), reason = "x", responseLimit = "PT1H" }), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await d.As(Subdistrict).PostAsync(url, new { departments = new[] { "CGJ", "CGJ" }, reason = "x", responseLimit = "PT1H" }), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await d.As(Subdistrict).PostAsync(url, new { departments = new[] { "CGJ" }, reason = "x", responseLimit = "P30D" }), HttpStatusCode.BadRequest);

        var after = await d.CaseAsync(S(c["id"]));
        Assert.Empty(Summonses(after));
        Assert.Equal(c["journal"]!.AsArray().Count, after["journal"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_closed_case_cannot_be_whistled_on()
    {
        var d = Driver();
        var c = await d.ToHandleAsync(TestCatalog.PlainItem(app).Code);
        await ApiClient.ReadAsync(await d.As("admin").PostAsync($"/api/cases/{S(c["id"])}/cancel", new { reason = "重复上报" }), HttpStatusCode.OK);
        await ApiClient.ProblemAsync(await d.As(Subdistrict).PostAsync($"/api/cases/{S(c["id"])}/whistle", Whistle("CGJ")), HttpStatusCode.Conflict);
    }
}
