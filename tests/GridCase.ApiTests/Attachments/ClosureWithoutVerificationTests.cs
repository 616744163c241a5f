using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Catalog;

namespace GridCase.ApiTests.Attachments;

/// <summary>
/// A flow that closes straight after handling: closing is where a VerificationPass requirement is checked, so an
/// item that needs one cannot close on such a flow (an incident), while an item that does not closes at once.
/// </summary>
public sealed class ClosureWithoutVerificationTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private const string Url = "/api/workflow-definitions/case-lifecycle";
    private readonly CaseDriver _driver = new(app);

    private static string S(JsonNode? node) => node!.GetValue<string>();

    private async Task PublishFlowWithoutVerificationAsync()
    {
        var policy = _driver.As("policy");
        var d = (await policy.GetJsonAsync(Url)).AsObject();
        if (d["root"]!["activities"]!.AsArray().All(a => S(a!["id"]) != "verify")) return;
        var activities = d["root"]!["activities"]!.AsArray();
        activities.Remove(activities.Single(a => S(a!["id"]) == "verify"));
        var connections = d["root"]!["connections"]!.AsArray();
        foreach (var c in connections.Where(c => S(c!["source"]!["activity"]) == "verify" || S(c!["target"]!["activity"]) == "verify").ToList())
            connections.Remove(c);
        // Both handlings of the shipped flow (alone, and with co-handlers) go straight to close.
        foreach (var handling in new[] { "handle", "coHandle" }.Where(id => activities.Any(a => S(a!["id"]) == id)))
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = handling, ["port"] = "Complete" },
                ["target"] = new JsonObject { ["activity"] = "close", ["port"] = "In" },
            });
        await ApiClient.ReadAsync(await policy.PutAsync($"{Url}/draft", d), HttpStatusCode.OK);
        await ApiClient.ReadAsync(await policy.PostAsync($"{Url}/publish", null), HttpStatusCode.OK);
    }

    private async Task<JsonNode> HandlingAsync(CatalogItem item)
    {
        var c = await _driver.Acceptor.ReportAsync(item.Code);
        c = await _driver.CompleteAsync(c, "Accept", "Accept");
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch");
        var handler = S(CaseDriver.OpenItem(c, "Handle")["candidateUsers"]![0]);
        foreach (var (requirement, kind) in new[] { (ClosureRequirement.AfterPhoto, "After"), (ClosureRequirement.BeforePhoto, "Before") })
            if (item.ClosureRequirements.Contains(requirement))
                await ApiClient.ReadAsync(await _driver.As(handler).UploadPhotoAsync(S(c["id"]), kind), HttpStatusCode.Created);
        return c;
    }

    /// <summary>
    /// The handler's work is real, so it is kept; closing is an automatic step that cannot succeed on this flow
    /// version, so the case waits with an incident (the validator warned about this flow when it was saved).
    /// </summary>
    [Fact]
    public async Task Closing_an_item_that_needs_a_verification_pass_keeps_the_handling_and_opens_an_incident_at_close()
    {
        await PublishFlowWithoutVerificationAsync();
        var item = TestCatalog.WithRequirement(app, ClosureRequirement.VerificationPass);
        var c = await HandlingAsync(item);
        var handle = CaseDriver.OpenItem(c, "Handle");

        var response = await _driver.As(S(handle["candidateUsers"]![0])).CompleteAsync(S(handle["id"]), "Complete", "已处理");
        var after = await ApiClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("Open", S(after["status"]));
        Assert.Equal("Faulted", S(after["workflow"]!["status"]));
        Assert.Empty(after["openWorkItems"]!.AsArray());
        Assert.Contains(after["journal"]!.AsArray(), j => j!["activityId"]?.GetValue<string>() == "handle" && S(j["event"]) == "TaskCompleted");
        var incident = Assert.Single(after["incidents"]!.AsArray())!;
        Assert.Equal("close", S(incident["activityId"]));
        Assert.Contains("verification", S(incident["error"]));

        var plain = await HandlingAsync(TestCatalog.PlainItem(app));
        plain = await _driver.CompleteAsync(plain, "Handle", "Complete", "已处理");
        Assert.Equal("Closed", S(plain["status"]));
    }
}
