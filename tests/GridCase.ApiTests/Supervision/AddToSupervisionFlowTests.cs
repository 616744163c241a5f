using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Supervision;

/// <summary>AddToSupervision in a flow a policy admin publishes over HTTP: the case lands on the supervision list with the step.</summary>
public sealed class AddToSupervisionFlowTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    /// <summary>Accept → AddToSupervision → AutoDispatch → End.</summary>
    private static JsonObject Flow(string definitionId, JsonObject inputs)
    {
        var flow = TestFlows.QuickFix(definitionId);
        var root = flow["root"]!;
        root["activities"]!.AsArray().Insert(1, new JsonObject { ["id"] = "flag", ["type"] = "AddToSupervision", ["name"] = "列入督办", ["inputs"] = inputs });
        root["connections"]!.AsArray().Single(c => c!["source"]!["activity"]!.GetValue<string>() == "accept")!["target"]!["activity"] = "flag";
        root["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "flag", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "dispatch", ["port"] = "In" },
        });
        return flow;
    }

    [Fact]
    public async Task A_published_flow_puts_the_case_on_the_supervision_list_with_its_kind_reason_and_severity()
    {
        var item = TestCatalog.PlainItem(app);
        await TestFlows.BindAsync(app, Flow("flag-for-supervision", new JsonObject
        {
            ["kind"] = "Manual", ["severity"] = "Critical", ["dueIn"] = "P2D",
            ["reason"] = TestFlows.Expression("'重点事项 ' + $case.number + ' 全程督办'"),
        }), item.Code);
        var driver = new CaseDriver(app);
        var c = await driver.CompleteAsync(await driver.Acceptor.ReportAsync(item.Code), "Accept", "Accept");

        var list = await driver.As("supervisor").GetJsonAsync("/api/supervision?kind=Manual&pageSize=200");
        var entry = Assert.Single(list["items"]!.AsArray(), e => e!["caseId"]!.ToString() == c["id"]!.ToString())!;
        Assert.Equal(($"重点事项 {c["number"]} 全程督办", "Critical", "Open", "acceptor"),
            (entry["reason"]!.ToString(), entry["severity"]!.ToString(), entry["status"]!.ToString(), entry["raisedBy"]!.ToString()));
        Assert.Equal(entry["createdAt"]!.GetValue<DateTimeOffset>().AddDays(2), entry["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains(c["journal"]!.AsArray(), j => j!["event"]!.ToString() == "SupervisionRaised" && j["outcome"]!.ToString() == "Manual");
    }

    [Fact]
    public async Task A_flow_with_a_bad_AddToSupervision_is_refused_on_save()
    {
        var flow = Flow("bad-supervision", new JsonObject { ["kind"] = "Someday", ["severity"] = "Extreme" });
        var problem = await ApiClient.ProblemAsync(await app.Client("policy").PutAsync("/api/workflow-definitions/bad-supervision/draft", flow),
            HttpStatusCode.BadRequest);
        var text = problem.ToJsonString();
        Assert.Contains("kind", text);
        Assert.Contains("severity", text);
        Assert.Contains("reason", text);
    }
}
