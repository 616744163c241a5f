using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Governance;

/// <summary>A flow with ParallelTasks written here, saved, published and bound to one item over HTTP, then run by the departments.</summary>
public sealed class ParallelTasksFlowTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private static JsonObject Link(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    /// <summary>Accept → one Handle task for each of the departments the script names → End.</summary>
    private static JsonObject Flow(string definitionId, string completion, JsonNode orgUnits) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = "多部门并行 / departments in parallel",
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "accept", ["type"] = "HumanTask",
                    ["inputs"] = new JsonObject { ["stage"] = "Accept", ["role"] = "Acceptor", ["scope"] = "District", ["outcomes"] = new JsonArray("Accept") },
                },
                new JsonObject
                {
                    ["id"] = "departments", ["type"] = "ParallelTasks", ["name"] = "联合处置 joint handling",
                    ["inputs"] = new JsonObject
                    {
                        ["stage"] = "Handle", ["role"] = "Handler", ["completion"] = completion, ["orgUnits"] = orgUnits,
                        ["outcomes"] = new JsonArray("Done", "NotOurs"), ["commentRequiredFor"] = new JsonArray("NotOurs"),
                        ["timeLimit"] = "PT4H", ["calendar"] = "Natural",
                    },
                },
                new JsonObject { ["id"] = "done", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Done" } },
                new JsonObject { ["id"] = "unresolved", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Unresolved" } }),
            ["connections"] = new JsonArray(Link("accept", "Accept", "departments"), Link("departments", "Done", "done"), Link("departments", "NotOurs", "unresolved")),
        },
    };

    private static IEnumerable<JsonNode> Handles(JsonNode c) =>
        c["openWorkItems"]!.AsArray().Where(w => w!["stage"]!.GetValue<string>() == "Handle")!;

    [Fact]
    public async Task Each_department_of_the_list_gets_its_own_task_and_the_case_moves_on_when_all_are_done()
    {
        var item = TestCatalog.PlainItem(app);
        await TestFlows.BindAsync(app, Flow("joint-all", "All", TestFlows.Expression("['CGJ', 'SWJ', $case.itemCode ? 'ZJJ' : 'MZJ']")), item.Code);
        var driver = new CaseDriver(app);
        var c = await driver.Acceptor.ReportAsync(item.Code);
        Assert.Equal("joint-all", c["workflow"]!["definitionId"]!.GetValue<string>());
        c = await driver.CompleteAsync(c, "Accept", "Accept");

        var handles = Handles(c).ToList();
        Assert.Equal(["CGJ", "SWJ", "ZJJ"], handles.Select(w => w["scopeOrgUnitCode"]!.GetValue<string>()).Order());
        Assert.All(handles, w => Assert.Equal("Task", w["kind"]!.GetValue<string>()));
        Assert.All(handles, w => Assert.Equal(handles[0]["dueAt"]!.GetValue<DateTimeOffset>(), w["dueAt"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(TimeSpan.FromHours(4), handles[0]["dueAt"]!.GetValue<DateTimeOffset>() - handles[0]["createdAt"]!.GetValue<DateTimeOffset>());
        var id = c["id"]!.GetValue<string>();

        // Each department sees and works only its own task.
        var swj = handles.Single(w => w["scopeOrgUnitCode"]!.GetValue<string>() == "SWJ")["id"]!.GetValue<string>();
        await ApiClient.ProblemAsync(await driver.As("handler.CGJ").CompleteAsync(swj, "Done"), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await driver.As("handler.SWJ").CompleteAsync(swj, "NotOurs"), HttpStatusCode.BadRequest);

        foreach (var dept in new[] { "CGJ", "SWJ" })
        {
            var task = handles.Single(w => w["scopeOrgUnitCode"]!.GetValue<string>() == dept)["id"]!.GetValue<string>();
            c = await ApiClient.ReadAsync(await driver.As($"handler.{dept}").CompleteAsync(task, "Done", "已处理"), HttpStatusCode.OK);
            Assert.Equal("Handle", c["stage"]!.GetValue<string>());
        }
        Assert.Single(Handles(c));
        c = await driver.CompleteAsync(c, "Handle", "Done");

        Assert.Equal("Done", c["stage"]!.GetValue<string>());
        Assert.Equal("Resolved", c["resolution"]!.GetValue<string>());
        var events = (await driver.CaseAsync(id))["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()).ToList();
        Assert.Equal(1, events.Count(e => e == "TasksCreated"));
        Assert.Equal(3, events.Count(e => e == "TaskCompleted"));
        Assert.Equal(1, events.Count(e => e == "TasksCompleted"));
    }

    [Fact]
    public async Task With_the_any_rule_the_first_answer_decides_and_the_other_tasks_leave_the_inboxes()
    {
        var item = TestCatalog.PlainWorkingItem(app);
        await TestFlows.BindAsync(app, Flow("joint-any", "Any", new JsonArray("CGJ", "SWJ")), item.Code);
        var driver = new CaseDriver(app);
        var c = await driver.CompleteAsync(await driver.Acceptor.ReportAsync(item.Code), "Accept", "Accept");
        var swj = Handles(c).Single(w => w!["scopeOrgUnitCode"]!.GetValue<string>() == "SWJ")["id"]!.GetValue<string>();
        var cgj = Handles(c).Single(w => w!["scopeOrgUnitCode"]!.GetValue<string>() == "CGJ")["id"]!.GetValue<string>();

        c = await ApiClient.ReadAsync(await driver.As("handler.CGJ").CompleteAsync(cgj, "NotOurs", "非本部门职责"), HttpStatusCode.OK);

        Assert.Equal("Unresolved", c["resolution"]!.GetValue<string>());
        Assert.Empty(c["openWorkItems"]!.AsArray());
        Assert.DoesNotContain((await driver.As("handler.SWJ").GetJsonAsync("/api/inbox")).AsArray(), w => w!["id"]!.GetValue<string>() == swj);
        await ApiClient.ProblemAsync(await driver.As("handler.SWJ").CompleteAsync(swj, "Done"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_parallel_step_whose_inputs_disagree_is_refused_on_save_and_nothing_is_stored()
    {
        var flow = Flow("joint-bad", "Whenever", new JsonArray("CGJ"));
        flow["root"]!["activities"]![1]!["inputs"]!["finishAtOnceFor"] = new JsonArray("Later");

        var problem = await ApiClient.ProblemAsync(await app.Client("policy").PutAsync("/api/workflow-definitions/joint-bad/draft", flow), HttpStatusCode.BadRequest);

        var issues = problem["issues"]!.AsArray();
        Assert.Contains(issues, i => i!["activityId"]!.GetValue<string>() == "departments" && i["input"]!.GetValue<string>() == "completion");
        Assert.Contains(issues, i => i!["activityId"]!.GetValue<string>() == "departments" && i["input"]!.GetValue<string>() == "finishAtOnceFor");
        await ApiClient.ProblemAsync(await app.Client("policy").GetAsync("/api/workflow-definitions/joint-bad"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_palette_lists_parallel_tasks_with_its_typed_inputs_and_help_in_both_languages()
    {
        var activities = await app.Client("policy").GetJsonAsync("/api/activity-descriptors");
        var parallel = activities.AsArray().Single(a => a!["type"]!.GetValue<string>() == "ParallelTasks")!;
        Assert.Equal("outcomes", parallel["outcomesFromInput"]!.GetValue<string>());
        Assert.Equal(["All", "Any", "LeadAndCoHandlers"], parallel["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "completion")!["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("并行任务", parallel["displayName"]!.GetValue<string>());
        Assert.Contains("主办", parallel["help"]!["zh"]!.GetValue<string>());
        Assert.Contains("co-handlers", parallel["help"]!["en"]!.GetValue<string>());
    }
}
