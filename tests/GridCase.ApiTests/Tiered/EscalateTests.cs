using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Tiered;

/// <summary>Escalate through a flow published over HTTP: the case's responsible level moves up and its tasks follow.</summary>
public sealed class EscalateTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private static JsonObject Flow() => new()
    {
        ["definitionId"] = "escalate-test", ["name"] = "escalate-test",
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "place", ["type"] = "Escalate", ["inputs"] = new JsonObject { ["level"] = "Grid", ["reason"] = "网格内处置" } },
                new JsonObject
                {
                    ["id"] = "grid", ["type"] = "HumanTask", ["name"] = "网格处置",
                    ["inputs"] = new JsonObject
                    {
                        ["stage"] = "Handle", ["role"] = "GridWorker", ["scope"] = "Responsible", ["outcomes"] = new JsonArray("Solve", "Escalate"),
                        ["commentRequiredFor"] = new JsonArray("Escalate"),
                    },
                },
                new JsonObject { ["id"] = "up", ["type"] = "Escalate" },
                new JsonObject
                {
                    ["id"] = "community", ["type"] = "HumanTask", ["name"] = "社区处置",
                    ["inputs"] = new JsonObject { ["stage"] = "Handle", ["role"] = "Handler", ["scope"] = "Responsible", ["outcomes"] = new JsonArray("Solve") },
                },
                new JsonObject { ["id"] = "end", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Done" } }),
            ["connections"] = new JsonArray(Link("place", "Done", "grid"), Link("grid", "Escalate", "up"), Link("up", "Done", "community"),
                Link("grid", "Solve", "end"), Link("community", "Solve", "end")),
        },
    };

    private static JsonObject Link(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    [Fact]
    public async Task An_escalation_moves_the_case_to_the_community_with_its_reason_and_only_the_community_may_work_it_then()
    {
        var item = TestCatalog.PlainItem(app).Code;
        await TestFlows.BindAsync(app, Flow(), item);
        var driver = new CaseDriver(app);
        var c = await driver.Acceptor.ReportAsync(item, gridCode: "JB0101G01");
        var id = c["id"]!.GetValue<string>();
        Assert.Equal(("Grid", "JB0101G01"), (c["responsibleLevel"]!.GetValue<string>(), c["responsibleOrgUnitCode"]!.GetValue<string>()));
        var gridItem = CaseDriver.OpenItem(c, "Handle");
        Assert.Equal("JB0101G01", gridItem["scopeOrgUnitCode"]!.GetValue<string>());

        // An escalation without a reason is refused and writes nothing.
        var journal = c["journal"]!.AsArray().Count;
        var problem = await ApiClient.ProblemAsync(await driver.As("grid.JB0101G01").CompleteAsync(gridItem["id"]!.GetValue<string>(), "Escalate"), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("comment"));
        c = await driver.CaseAsync(id);
        Assert.Equal(("Grid", journal), (c["responsibleLevel"]!.GetValue<string>(), c["journal"]!.AsArray().Count));

        c = await ApiClient.ReadAsync(await driver.As("grid.JB0101G01").CompleteAsync(gridItem["id"]!.GetValue<string>(), "Escalate", "邻里纠纷，网格内调解不成"), HttpStatusCode.OK);
        Assert.Equal(("Community", "JB0101"), (c["responsibleLevel"]!.GetValue<string>(), c["responsibleOrgUnitCode"]!.GetValue<string>()));
        var escalated = c["journal"]!.AsArray().Single(j => j!["activityId"]?.GetValue<string>() == "up")!;
        Assert.Equal(("Escalated", "Community", "grid.JB0101G01"),
            (escalated["event"]!.GetValue<string>(), escalated["outcome"]!.GetValue<string>(), escalated["actor"]!.GetValue<string>()));
        Assert.Equal("Grid → Community (JB0101): 邻里纠纷，网格内调解不成", escalated["comment"]!.GetValue<string>());

        var communityItem = CaseDriver.OpenItem(c, "Handle");
        Assert.Equal("JB0101", communityItem["scopeOrgUnitCode"]!.GetValue<string>());
        Assert.Contains("community.JB0101", communityItem["candidateUsers"]!.AsArray().Select(u => u!.GetValue<string>()));
        await ApiClient.ProblemAsync(await driver.As("community.JB0102").CompleteAsync(communityItem["id"]!.GetValue<string>(), "Solve"), HttpStatusCode.Forbidden);

        var atCommunity = await driver.Acceptor.GetJsonAsync("/api/cases?responsibleLevel=Community&pageSize=100");
        Assert.Contains(atCommunity["items"]!.AsArray(), s => s!["id"]!.GetValue<string>() == id && s["responsibleOrgUnitCode"]!.GetValue<string>() == "JB0101");
        Assert.DoesNotContain((await driver.Acceptor.GetJsonAsync("/api/cases?responsibleLevel=Grid&pageSize=100"))["items"]!.AsArray(),
            s => s!["id"]!.GetValue<string>() == id);
        var bad = await ApiClient.ProblemAsync(await driver.Acceptor.GetAsync("/api/cases?responsibleLevel=Province"), HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("responsibleLevel"));

        c = await ApiClient.ReadAsync(await driver.As("community.JB0101").CompleteAsync(communityItem["id"]!.GetValue<string>(), "Solve"), HttpStatusCode.OK);
        Assert.Equal("Done", c["stage"]!.GetValue<string>());
    }
}
