using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests;

/// <summary>Drafts are validated, publishing freezes a version, and running cases stay on theirs.</summary>
public sealed class WorkflowDefinitionTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private const string Url = "/api/workflow-definitions/case-lifecycle";

    private async Task<JsonObject> ShippedAsync() => (await app.Client("policy").GetJsonAsync($"{Url}?version=1")).AsObject();

    private static JsonArray Activities(JsonObject d) => d["root"]!["activities"]!.AsArray();

    private static JsonArray Connections(JsonObject d) => d["root"]!["connections"]!.AsArray();

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    public static TheoryData<string, string, string> BrokenFlows() => new()
    {
        { "unknown-type", "verify", "UnknownType" },
        { "dangling", "close", "DanglingConnection" },
        { "duplicate", "accept", "DuplicateConnection" },
        { "unreachable", "orphan", "Unreachable" },
        { "unconnected-outcome", "evaluate", "UnconnectedOutcome" },
        { "bad-javascript", "canRedispatch", "BadExpression" },
    };

    [Theory]
    [MemberData(nameof(BrokenFlows))]
    public async Task A_broken_draft_is_refused_naming_the_activity(string breakage, string activityId, string code)
    {
        var d = await ShippedAsync();
        switch (breakage)
        {
            case "unknown-type":
                Activities(d).Single(a => a!["id"]!.GetValue<string>() == "verify")!["type"] = "Teleport";
                break;
            case "dangling":
                Connections(d).Add(Connection("close", "Done", "nowhere"));
                break;
            case "duplicate":
                Connections(d).Add(Connection("accept", "Accept", "dispatch"));
                break;
            case "unreachable":
                Activities(d).Add(new JsonObject { ["id"] = "orphan", ["type"] = "Assess" });
                Connections(d).Add(Connection("orphan", "Done", "orphan"));
                break;
            case "unconnected-outcome":
                var evaluate = Activities(d).Single(a => a!["id"]!.GetValue<string>() == "evaluate")!;
                evaluate["inputs"]!["outcomes"]!.AsArray().Add("NoAnswer");
                break;
            case "bad-javascript":
                var decision = Activities(d).Single(a => a!["id"]!.GetValue<string>() == "canRedispatch")!;
                decision["inputs"]!["condition"]!["expression"]!["value"] = "$case.dispatchRound <";
                break;
        }
        var before = await app.Client("policy").GetJsonAsync("/api/workflow-definitions");

        var problem = await ApiClient.ProblemAsync(await app.Client("policy").PutAsync($"{Url}/draft", d), HttpStatusCode.BadRequest);

        var messages = problem["errors"]![activityId]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.StartsWith(code));
        Assert.Equal(before.ToJsonString(), (await app.Client("policy").GetJsonAsync("/api/workflow-definitions")).ToJsonString());
    }

    [Fact]
    public async Task Only_policy_admins_edit_flows()
    {
        var d = await ShippedAsync();
        var response = await app.Client("dispatcher").PutAsync($"{Url}/draft", d);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task New_cases_start_on_a_newly_published_version_while_running_ones_finish_on_theirs()
    {
        var driver = new CaseDriver(app);
        var item = TestCatalog.PlainItem(app).Code;
        var old = await driver.Acceptor.ReportAsync(item);
        old = await driver.CompleteAsync(old, "Accept", "Accept");
        old = await driver.CompleteAsync(old, "Dispatch", "Dispatch");

        // Version 2 closes straight after handling: no on-site verification.
        var d = await ShippedAsync();
        var connections = Connections(d);
        // Both handlings (alone, and with co-handlers) close straight away.
        foreach (var complete in connections.Where(c => c!["source"]!["activity"]!.GetValue<string>() is "handle" or "coHandle" && c["source"]!["port"]!.GetValue<string>() == "Complete"))
            complete!["target"]!["activity"] = "close";
        foreach (var c in connections.Where(c => c!["source"]!["activity"]!.GetValue<string>() == "verify").ToList()) connections.Remove(c);
        Activities(d).Remove(Activities(d).Single(a => a!["id"]!.GetValue<string>() == "verify"));

        var draft = await ApiClient.ReadAsync(await app.Client("policy").PutAsync($"{Url}/draft", d), HttpStatusCode.OK);
        Assert.Equal(2, draft["version"]!.GetValue<int>());
        Assert.False(draft["isPublished"]!.GetValue<bool>());
        // A draft is not used yet.
        var beforePublish = await driver.Acceptor.ReportAsync(item);
        Assert.Equal(1, beforePublish["workflow"]!["version"]!.GetValue<int>());

        var published = await ApiClient.ReadAsync(await app.Client("policy").PostAsync($"{Url}/publish", null), HttpStatusCode.OK);
        Assert.True(published["isPublished"]!.GetValue<bool>());
        await ApiClient.ProblemAsync(await app.Client("policy").PostAsync($"{Url}/publish", null), HttpStatusCode.Conflict);

        var fresh = await driver.Acceptor.ReportAsync(item);
        Assert.Equal(2, fresh["workflow"]!["version"]!.GetValue<int>());
        fresh = await driver.CompleteAsync(fresh, "Accept", "Accept");
        fresh = await driver.CompleteAsync(fresh, "Dispatch", "Dispatch");
        fresh = await driver.CompleteAsync(fresh, "Handle", "Complete", "已处理");
        Assert.Equal("Evaluate", fresh["stage"]!.GetValue<string>());

        old = await driver.CompleteAsync(old, "Handle", "Complete", "已处理");
        Assert.Equal("Verify", old["stage"]!.GetValue<string>());
        Assert.Equal(1, old["workflow"]!["version"]!.GetValue<int>());
        old = await driver.CompleteAsync(old, "Verify", "Pass");
        old = await driver.CompleteAsync(old, "Evaluate", "Satisfied");
        Assert.Equal("Done", old["stage"]!.GetValue<string>());

        var versions = (await app.Client("policy").GetJsonAsync("/api/workflow-definitions")).AsArray()
            .Single(x => x!["definitionId"]!.GetValue<string>() == "case-lifecycle")!;
        Assert.Equal(2, versions["publishedVersion"]!.GetValue<int>());
        Assert.Equal(2, versions["versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_designer_palette_lists_every_activity_type_with_its_inputs()
    {
        var descriptors = (await app.Client("policy").GetJsonAsync("/api/activity-descriptors")).AsArray();
        var types = descriptors.Select(d => d!["type"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "HumanTask", "Decision", "Fork", "Join", "AutoDispatch", "CloseCase", "Assess", "SecondDispatch", "End" }, types);
        var human = descriptors.Single(d => d!["type"]!.GetValue<string>() == "HumanTask")!;
        Assert.Contains(human["inputs"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "outcomes");
        var role = human["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "role")!;
        Assert.Equal(GridCase.Host.Identity.Roles.Workers, role["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("处理角色", role["label"]!["zh"]!.GetValue<string>());
        Assert.Equal("role", role["label"]!["en"]!.GetValue<string>());
        Assert.True(role["required"]!.GetValue<bool>());
        var limit = human["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "timeLimit")!;
        Assert.Equal("duration", limit["type"]!.GetValue<string>());
        Assert.True(limit["supportsExpression"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(human["help"]!["en"]!.GetValue<string>()));
        Assert.Equal("outcomes", human["outcomesFromInput"]!.GetValue<string>());
    }
}
