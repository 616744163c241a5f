using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Seeding;

/// <summary>
/// A fresh demo shows each governance mechanism at once, through the public API, as a visitor signing in as a demo
/// user would find it: the supervision list, tiered handling, whistle-and-report, co-handling, arbitration, merge.
/// </summary>
public sealed class DemoCasesTests
{
    private static string S(JsonNode? n) => n!.GetValue<string>();

    [Fact]
    public async Task A_fresh_demo_shows_every_governance_mechanism_with_cases_in_flight()
    {
        // The whistle's limit is shortened so its late department goes overdue while the test looks, by the real timer.
        using var app = new GridCaseApp { Settings = { ["Demo:Cases"] = "true", ["Demo:LateSummonsLimit"] = "PT2S" } };
        var d = new CaseDriver(app);
        var supervisor = d.As("supervisor");
        var list = (await supervisor.GetJsonAsync("/api/cases?pageSize=100"))["items"]!.AsArray();
        var cases = new List<JsonNode>();
        foreach (var summary in list) cases.Add(await d.CaseAsync(S(summary!["id"])));

        // 分级处置: a grid worker's patrol report escalated to the community.
        var atCommunity = (await supervisor.GetJsonAsync("/api/cases?responsibleLevel=Community&pageSize=100"))["items"]!.AsArray();
        Assert.Contains(atCommunity, c => S(c!["channel"]) == "GridPatrol" && S(c["responsibleOrgUnitCode"]) == "JB0101");

        // 吹哨报到: 城管 has reported, 住建 has not and goes overdue onto the supervision list against itself.
        var whistled = cases.Single(c => c["parts"]!.AsArray().Any(p => S(p!["kind"]) == "Summons"));
        var summonses = whistled["parts"]!.AsArray().Where(p => S(p!["kind"]) == "Summons").ToList();
        Assert.Equal(("Completed", "handler.CGJ"), (S(summonses.Single(p => S(p!["orgUnitCode"]) == "CGJ")!["status"]),
            S(summonses.Single(p => S(p!["orgUnitCode"]) == "CGJ")!["completedBy"])));
        var late = summonses.Single(p => S(p!["orgUnitCode"]) == "ZJJ")!;
        var entries = await RestartTests.WaitForAsync(() => supervisor.GetJsonAsync("/api/supervision?pageSize=100"),
            e => e["items"]!.AsArray().Any(x => S(x!["caseId"]) == S(whistled["id"])), TimeSpan.FromSeconds(60));
        var entry = entries["items"]!.AsArray().Single(x => S(x!["caseId"]) == S(whistled["id"]))!;
        Assert.Equal(("SummonsUnanswered", "ZJJ", S(late["workItemId"])), (S(entry["kind"]), S(entry["responsibleOrgUnitCode"]), S(entry["workItemId"])));
        whistled = await d.CaseAsync(S(whistled["id"]));
        Assert.Equal("Overdue", S(whistled["parts"]!.AsArray().Single(p => S(p!["workItemId"]) == S(late["workItemId"]))!["sla"]));

        // 主办/协办: 水务 leads, 城管 and 住建 co-handle, 城管's part is in.
        var coHandled = cases.Single(c => c["coHandlerCodes"]!.AsArray().Count > 0);
        Assert.Equal("SWJ", S(coHandled["departmentCode"]));
        Assert.Equal(["CGJ", "ZJJ"], coHandled["coHandlerCodes"]!.AsArray().Select(S));
        Assert.Equal(["CGJ", "SWJ", "ZJJ"], coHandled["parts"]!.AsArray().Select(p => S(p!["orgUnitCode"])).Order());
        Assert.Equal("Completed", S(coHandled["parts"]!.AsArray().Single(p => S(p!["orgUnitCode"]) == "CGJ")!["status"]));

        // 三定: returned twice, open on the district's arbitration list.
        var arbitrations = (await supervisor.GetJsonAsync("/api/arbitrations?status=Open"))["items"]!.AsArray();
        var arbitration = Assert.Single(arbitrations)!;
        Assert.Equal(2, arbitration["returnCount"]!.GetValue<int>());
        Assert.Equal("Arbitrate", S(cases.Single(c => S(c["id"]) == S(arbitration["caseId"]))["stage"]));

        // 并案: a second call merged into the first.
        var merged = cases.Single(c => S(c["stage"]) == "Merged");
        var master = cases.Single(c => S(c["number"]) == S(merged["mergedInto"]!["number"]));
        Assert.Equal([S(merged["number"])], master["mergedReports"]!.AsArray().Select(m => S(m!["number"])));

        // Every seeded case was written through the services: each has its journal.
        Assert.All(cases, c => Assert.NotEmpty(c["journal"]!.AsArray()));
    }

    [Fact]
    public async Task Started_again_on_a_demo_database_the_demo_adds_no_more_cases()
    {
        var app = new GridCaseApp { Settings = { ["Demo:Cases"] = "true" }, KeepData = true };
        int seeded;
        using (app) seeded = (await app.Client("supervisor").GetJsonAsync("/api/cases?pageSize=100"))["total"]!.GetValue<int>();
        Assert.Equal(6, seeded);

        using var again = new DemoRestart(app.DataFolder);
        Assert.Equal(seeded, (await again.Client("supervisor").GetJsonAsync("/api/cases?pageSize=100"))["total"]!.GetValue<int>());
    }

    private sealed class DemoRestart : GridCaseApp
    {
        public DemoRestart(string dataFolder) : base(dataFolder)
        {
            KeepData = false;
            Settings["Demo:Cases"] = "true";
        }
    }
}
