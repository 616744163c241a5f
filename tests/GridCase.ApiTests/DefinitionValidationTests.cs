using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests;

/// <summary>Every input is checked against its declaration on save, so no flow can fail a report later; warnings do not block.</summary>
public sealed class DefinitionValidationTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private const string Url = "/api/workflow-definitions/case-lifecycle";

    private async Task<JsonObject> ShippedAsync() => (await app.Client("policy").GetJsonAsync($"{Url}?version=1")).AsObject();

    private static JsonNode Activity(JsonObject d, string id) =>
        d["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!;

    [Theory]
    [InlineData("accept", "timeLimit", "soon")]
    [InlineData("accept", "calendar", "Lunar")]
    [InlineData("handle", "warnRatio", 7)]
    [InlineData("dispatch", "role", "Janitor")]
    [InlineData("verify", "outcomes", "Pass")]
    [InlineData("done", "result", "Maybe")]
    public async Task A_literal_that_does_not_fit_its_input_is_refused_naming_the_activity_and_the_input(string activityId, string input, object value)
    {
        var d = await ShippedAsync();
        Activity(d, activityId)["inputs"]![input] = JsonValue.Create(value);
        var before = await app.Client("policy").GetJsonAsync("/api/workflow-definitions");

        var problem = await ApiClient.ProblemAsync(await app.Client("policy").PutAsync($"{Url}/draft", d), HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]![activityId]!.AsArray(), m => m!.GetValue<string>().StartsWith($"BadInput: {activityId}.{input}:"));
        Assert.Contains(problem["issues"]!.AsArray(), i => i!["activityId"]!.GetValue<string>() == activityId
            && i["input"]!.GetValue<string>() == input && i["severity"]!.GetValue<string>() == "Error");
        Assert.Equal(before.ToJsonString(), (await app.Client("policy").GetJsonAsync("/api/workflow-definitions")).ToJsonString());
        // Nothing was saved, so there is nothing to publish.
        await ApiClient.ProblemAsync(await app.Client("policy").PostAsync($"{Url}/publish", null), HttpStatusCode.Conflict);
    }

    /// <summary>
    /// The resident's report is not thrown away for a flow's fault: the case is kept, its instance is Faulted at the
    /// first task with an incident, and retrying cannot help while the instance runs this version (a fixed flow
    /// takes new cases; this one waits for a migration).
    /// </summary>
    [Fact]
    public async Task A_bad_value_from_an_expression_keeps_the_report_and_opens_an_incident_not_a_500()
    {
        await TestFlows.PublishAsync(app, TestFlows.QuickFix("bad-limit", TestFlows.Expression("'soon'")));
        var item = TestCatalog.PlainItem(app);
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync("/api/flow-bindings",
            new object[] { new { itemCode = item.Code, definitionId = "bad-limit" } }), HttpStatusCode.OK);

        var c = await app.Client("acceptor").ReportAsync(item.Code);

        Assert.Equal("Faulted", c["workflow"]!["status"]!.GetValue<string>());
        Assert.Empty(c["openWorkItems"]!.AsArray());
        var incident = Assert.Single(c["incidents"]!.AsArray())!;
        Assert.Equal("accept", incident["activityId"]!.GetValue<string>());
        Assert.Contains("timeLimit", incident["error"]!.GetValue<string>());
        var retry = await app.Client("admin").PostAsync($"/api/incidents/{incident["id"]!.GetValue<string>()}/retry", null);
        Assert.Contains("timeLimit", (await ApiClient.ProblemAsync(retry, HttpStatusCode.Conflict))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_flow_without_a_verify_task_is_saved_with_a_warning_for_items_that_need_verification()
    {
        var d = await ShippedAsync();
        var connections = d["root"]!["connections"]!.AsArray();
        foreach (var complete in connections.Where(c => c!["source"]!["activity"]!.GetValue<string>() is "handle" or "coHandle" && c["source"]!["port"]!.GetValue<string>() == "Complete"))
            complete!["target"]!["activity"] = "close";
        foreach (var c in connections.Where(c => c!["source"]!["activity"]!.GetValue<string>() == "verify").ToList()) connections.Remove(c);
        d["root"]!["activities"]!.AsArray().Remove(Activity(d, "verify"));

        var saved = await ApiClient.ReadAsync(await app.Client("policy").PutAsync($"{Url}/draft", d), HttpStatusCode.OK);

        var warnings = saved["warnings"]!.AsArray();
        var warning = Assert.Single(warnings, w => w!["code"]!.GetValue<string>() == "UnsatisfiableClosure");
        Assert.Equal("Warning", warning!["severity"]!.GetValue<string>());
        Assert.Contains("VerificationPass", warning["message"]!.GetValue<string>());
        Assert.DoesNotContain(warnings, w => w!["message"]!.GetValue<string>().Contains("AfterPhoto"));
    }
}
