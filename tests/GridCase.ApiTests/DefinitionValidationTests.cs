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

    [Fact]
    public async Task A_bad_value_from_an_expression_refuses_the_report_with_a_problem_not_a_500()
    {
        await TestFlows.PublishAsync(app, TestFlows.QuickFix("bad-limit", TestFlows.Expression("'soon'")));
        var item = TestCatalog.PlainItem(app);
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync("/api/flow-bindings",
            new object[] { new { itemCode = item.Code, definitionId = "bad-limit" } }), HttpStatusCode.OK);
        var cases = app.Scoped(db => db.Cases.Count());

        var response = await app.Client("acceptor").PostAsync("/api/cases", new
        {
            channel = "Hotline12345", title = "井盖缺失", itemCode = item.Code, location = new { gridCode = "JB0101G01" },
        });

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("timeLimit", problem["errors"]!["accept"]![0]!.GetValue<string>());
        Assert.Equal(cases, app.Scoped(db => db.Cases.Count()));
    }

    [Fact]
    public async Task A_flow_without_a_verify_task_is_saved_with_a_warning_for_items_that_need_verification()
    {
        var d = await ShippedAsync();
        var connections = d["root"]!["connections"]!.AsArray();
        connections.Single(c => c!["source"]!["activity"]!.GetValue<string>() == "handle" && c["source"]!["port"]!.GetValue<string>() == "Complete")!
            ["target"]!["activity"] = "close";
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
