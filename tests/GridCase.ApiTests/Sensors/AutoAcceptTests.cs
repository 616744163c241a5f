using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Sensors;

/// <summary>AutoAccept in a flow published over HTTP and bound to the App channel: nobody accepts unless the catalog is unsure.</summary>
public sealed class AutoAcceptTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private const double MinScore = 40;

    /// <summary>AutoAccept → AutoDispatch → End; NeedsReview → an acceptor's task → AutoDispatch.</summary>
    private static JsonObject Flow() => new()
    {
        ["definitionId"] = "auto-accept", ["name"] = "自动受理 / auto accept",
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "auto", ["type"] = "AutoAccept", ["inputs"] = new JsonObject { ["minScore"] = MinScore } },
                new JsonObject
                {
                    ["id"] = "review", ["type"] = "HumanTask", ["name"] = "人工受理",
                    ["inputs"] = new JsonObject
                    {
                        ["stage"] = "Accept", ["role"] = "Acceptor", ["scope"] = "District", ["outcomes"] = new JsonArray("Accept"),
                        ["requiredFields"] = new JsonObject { ["Accept"] = new JsonArray("itemCode") },
                    },
                },
                new JsonObject { ["id"] = "dispatch", ["type"] = "AutoDispatch" },
                new JsonObject { ["id"] = "end", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Done" } }),
            ["connections"] = new JsonArray(
                Link("auto", "Accepted", "dispatch"), Link("auto", "NeedsReview", "review"), Link("review", "Accept", "dispatch"), Link("dispatch", "Done", "end")),
        },
    };

    private static JsonObject Link(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private async Task<JsonNode> ReportAsync(string title, string? itemCode = null) =>
        await ApiClient.ReadAsync(await app.Client("acceptor").PostAsync("/api/cases", new
        {
            channel = "App", title, description = "", itemCode, location = new { gridCode = "JB0101G01", address = "滨江路 18 号" },
        }), HttpStatusCode.Created);

    private async Task<JsonObject?> BestAsync(string text) =>
        (await app.Client("acceptor").GetJsonAsync($"/api/catalog/suggest?text={Uri.EscapeDataString(text)}")).AsArray().FirstOrDefault()?.AsObject();

    private static JsonNode Entry(JsonNode @case, string @event) =>
        @case["journal"]!.AsArray().Single(j => j!["event"]!.GetValue<string>() == @event)!;

    [Fact]
    public async Task A_report_is_accepted_by_its_item_or_a_sure_suggestion_and_an_unsure_one_waits_for_an_acceptor()
    {
        await TestFlows.PublishAsync(app, Flow());
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync("/api/flow-bindings",
            new object[] { new { channel = "App", definitionId = "auto-accept" } }), HttpStatusCode.OK);
        var plain = TestCatalog.PlainItem(app);

        // The report's own item: accepted and dispatched to its owner with nobody's hand on it.
        var given = await ReportAsync("随手拍", plain.Code);
        Assert.Equal(("auto-accept", "Done", plain.Code, plain.OwnerDepartmentCode),
            (given["workflow"]!["definitionId"]!.GetValue<string>(), given["stage"]!.GetValue<string>(), given["itemCode"]!.GetValue<string>(), given["departmentCode"]!.GetValue<string>()));
        var accepted = Entry(given, "Accepted");
        Assert.Equal(("Accept", "ReportItem", "system"), (accepted["stage"]!.GetValue<string>(), accepted["outcome"]!.GetValue<string>(), accepted["actor"]!.GetValue<string>()));

        // No item, a text the catalog is sure of: the best suggestion classifies it.
        const string sure = "主干道井盖缺失，井盖丢了，路上有个洞";
        var best = await BestAsync(sure);
        Assert.True(best!["score"]!.GetValue<double>() >= MinScore, $"the test's text must score ≥ {MinScore}: {best}");
        var suggested = await ReportAsync(sure);
        Assert.Equal(("Done", best["code"]!.GetValue<string>()), (suggested["stage"]!.GetValue<string>(), suggested["itemCode"]!.GetValue<string>()));
        Assert.Equal("Suggested", Entry(suggested, "Accepted")["outcome"]!.GetValue<string>());
        Assert.Empty(suggested["openWorkItems"]!.AsArray());

        // A text it is unsure of: NeedsReview, and an acceptor classifies it by hand.
        const string vague = "楼下有点情况";
        var weak = await BestAsync(vague);
        Assert.True(weak?["score"]?.GetValue<double>() is null or < MinScore, $"the test's vague text must score below {MinScore}: {weak} (sure: {best})");
        var unsure = await ReportAsync(vague);
        Assert.Null(unsure["itemCode"]);
        Assert.Equal("Accept", unsure["stage"]!.GetValue<string>());
        Assert.Equal("review", CaseDriver.OpenItem(unsure, "Accept")["activityId"]!.GetValue<string>());
        Entry(unsure, "NeedsReview");
        var done = await new CaseDriver(app).CompleteAsync(unsure, "Accept", "Accept", data: new { itemCode = plain.Code });
        Assert.Equal(("Done", plain.OwnerDepartmentCode), (done["stage"]!.GetValue<string>(), done["departmentCode"]!.GetValue<string>()));
    }
}
