using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Domain.Catalog;

namespace GridCase.ApiTests.Attachments;

/// <summary>
/// A flow that closes straight after handling: closing is where a VerificationPass requirement is checked, so an
/// item that needs one cannot close on such a flow, while an item that does not closes at once.
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
        connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "handle", ["port"] = "Complete" },
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

    [Fact]
    public async Task Closing_refuses_an_item_whose_standard_needs_a_verification_pass()
    {
        await PublishFlowWithoutVerificationAsync();
        var item = TestCatalog.WithRequirement(app, ClosureRequirement.VerificationPass);
        var c = await HandlingAsync(item);
        var before = await _driver.CaseAsync(S(c["id"]));
        var handle = CaseDriver.OpenItem(c, "Handle");

        var response = await _driver.As(S(handle["candidateUsers"]![0])).CompleteAsync(S(handle["id"]), "Complete", "已处理");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["VerificationPass"], problem["errors"]!["closureRequirements"]!.AsArray().Select(S));
        var after = await _driver.CaseAsync(S(c["id"]));
        Assert.Equal(Snapshots.Stable(before), Snapshots.Stable(after));

        var plain = await HandlingAsync(TestCatalog.PlainItem(app));
        plain = await _driver.CompleteAsync(plain, "Handle", "Complete", "已处理");
        Assert.Equal("Closed", S(plain["status"]));
    }
}
