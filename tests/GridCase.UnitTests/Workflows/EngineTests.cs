using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.UnitTests.Workflows;

public sealed class EngineTests
{
    private static readonly DateTimeOffset Now = EngineHarness.Now;
    private readonly EngineHarness _harness = new();

    private static Case NewCase() => Case.Report(
        "GC1", "井盖缺失", "", Channel.App, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", "S1", "D"), null, null, "tester", Now);

    private static JsonObject Task(string stage, string role, params string[] outcomes) => new()
    {
        ["stage"] = stage, ["role"] = role, ["scope"] = "CaseGrid", ["outcomes"] = new JsonArray([.. outcomes.Select(o => (JsonNode)o)]),
    };

    private static ActivityNode Node(string id, string type, JsonObject? inputs = null) => new() { Id = id, Type = type, Inputs = inputs };

    private static Connection Link(string from, string port, string to) => new(new Endpoint(from, port), new Endpoint(to, "In"));

    private static WorkflowDefinition ForkJoinFlow() => new()
    {
        DefinitionId = "fork-join", Name = "主办协办 lead and co-handler",
        Root = new Flowchart
        {
            Activities =
            [
                Node("fork", "Fork", new JsonObject { ["branches"] = new JsonArray("Lead", "Co") }),
                Node("lead", "HumanTask", Task("Handle", "Handler", "Done")),
                Node("co", "HumanTask", Task("Handle", "Handler", "Done")),
                Node("join", "Join"),
                Node("end", "End", new JsonObject { ["result"] = "Done" }),
            ],
            Connections = [Link("fork", "Lead", "lead"), Link("fork", "Co", "co"), Link("lead", "Done", "join"), Link("co", "Done", "join"), Link("join", "Done", "end")],
        },
    };

    private (WorkflowRun Run, WorkflowInstance Instance) Start(WorkflowDefinition definition, Case @case)
    {
        var instance = WorkflowInstance.Start(@case.Id, definition.DefinitionId, 1, Now);
        var run = _harness.Run(definition, instance, @case);
        _harness.Engine.StartAsync(run, CancellationToken.None).GetAwaiter().GetResult();
        return (run, instance);
    }

    private async Task<WorkflowRun> CompleteAsync(WorkflowDefinition definition, WorkflowInstance instance, Case @case, List<WorkItem> open, WorkItem item, string outcome)
    {
        var run = _harness.Run(definition, instance, @case);
        await _harness.Engine.ResumeAsync(run, new Stimulus(item.Id, outcome, null, null, "tester"), CancellationToken.None);
        open.Clear();
        open.AddRange(_harness.Open);
        return run;
    }

    [Fact]
    public async Task A_join_waits_for_every_branch_and_continues_once()
    {
        var definition = ForkJoinFlow();
        var @case = NewCase();
        var (_, instance) = Start(definition, @case);
        var open = _harness.Open.ToList();
        Assert.Equal(2, open.Count);

        var first = await CompleteAsync(definition, instance, @case, open, open[0], "Done");
        Assert.False(first.Finished);
        Assert.Single(instance.LoadState().Bookmarks);
        Assert.Equal(WorkflowStatus.Running, instance.Status);

        var second = await CompleteAsync(definition, instance, @case, open, open[0], "Done");
        Assert.True(second.Finished);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(CaseStage.Done, @case.Stage);
        Assert.Single(_harness.Events.OfType<WorkflowFinished>());
    }

    [Fact]
    public async Task A_stale_stimulus_for_a_released_bookmark_is_refused()
    {
        var definition = ForkJoinFlow();
        var @case = NewCase();
        var (_, instance) = Start(definition, @case);
        var open = _harness.Open.ToList();
        var item = open[0];
        await CompleteAsync(definition, instance, @case, open, item, "Done");

        var run = _harness.Run(definition, instance, @case);
        await Assert.ThrowsAsync<ConflictException>(() => _harness.Engine.ResumeAsync(run, new Stimulus(item.Id, "Done", null, null, "tester"), CancellationToken.None));
    }

    [Fact]
    public void An_end_in_one_branch_cancels_the_tasks_of_the_others()
    {
        var definition = ForkJoinFlow() with
        {
            Root = new Flowchart
            {
                Activities = [Node("fork", "Fork", new JsonObject { ["branches"] = new JsonArray("A", "B") }), Node("task", "HumanTask", Task("Handle", "Handler", "Done")),
                              Node("stop", "End", new JsonObject { ["result"] = "Unresolved" }), Node("end", "End")],
                Connections = [Link("fork", "A", "task"), Link("fork", "B", "stop"), Link("task", "Done", "end")],
            },
        };
        var @case = NewCase();
        var (run, instance) = Start(definition, @case);
        Assert.True(run.Finished);
        Assert.All(_harness.WorkItems, w => Assert.Equal(WorkItemStatus.Cancelled, w.Status));
        Assert.Equal(CaseResolution.Unresolved, @case.Resolution);
        Assert.Empty(instance.LoadState().Bookmarks);
    }

    [Fact]
    public void A_decision_reads_the_case_and_the_variables()
    {
        var definition = new WorkflowDefinition
        {
            // True only when both $case (dispatchRound 1) and vars (limit 0) are read: an expression that fails,
            // or reads undefined, gives False, so the test must see the True branch.
            DefinitionId = "d", Name = "d", Variables = new JsonObject { ["limit"] = 0 },
            Root = new Flowchart
            {
                Activities =
                [
                    Node("check", "Decision", new JsonObject { ["condition"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "$case.dispatchRound > vars.limit" } } }),
                    Node("yes", "End", new JsonObject { ["result"] = "Unresolved" }), Node("no", "End", new JsonObject { ["result"] = "Done" }),
                ],
                Connections = [Link("check", "True", "yes"), Link("check", "False", "no")],
            },
        };
        var @case = NewCase();
        Start(definition, @case);
        Assert.Equal(CaseResolution.Unresolved, @case.Resolution);
    }

    [Fact]
    public void A_flow_that_loops_without_waiting_is_stopped()
    {
        var definition = new WorkflowDefinition
        {
            DefinitionId = "loop", Name = "loop",
            Root = new Flowchart
            {
                Activities = [Node("start", "Assess"), Node("a", "Assess"), Node("b", "Assess")],
                Connections = [Link("start", "Done", "a"), Link("a", "Done", "b"), Link("b", "Done", "a")],
            },
        };
        Assert.Throws<InvalidOperationException>(() => Start(definition, NewCase()));
    }

    [Fact]
    public void The_shipped_flows_are_valid()
    {
        var folder = RepoFolder("workflow-definitions");
        // A flow is a file with a flowchart, as the seeder reads them (the folder also holds the org and the shipped bindings).
        var flows = Directory.GetFiles(folder, "*.json").Where(f => File.ReadAllText(f) is var json && json.Contains("\"definitionId\"") && json.Contains("\"root\"")).ToList();
        Assert.NotEmpty(flows);
        var validator = _harness.Validator;
        foreach (var file in flows)
            Assert.Empty(validator.Validate(WorkflowDefinition.Parse(File.ReadAllText(file))));
    }

    [Fact]
    public void The_validator_names_each_problem_with_its_activity()
    {
        var definition = new WorkflowDefinition
        {
            DefinitionId = "bad", Name = "bad",
            Root = new Flowchart
            {
                Activities =
                [
                    Node("task", "HumanTask", Task("Handle", "Handler", "Done", "Return")),
                    Node("x", "Nope"),
                    Node("cond", "Decision", new JsonObject { ["condition"] = new JsonObject { ["expression"] = new JsonObject { ["value"] = "1 +" } } }),
                    Node("end", "End"),
                ],
                Connections = [Link("task", "Done", "end"), Link("task", "Done", "end"), Link("task", "Done", "ghost"), Link("cond", "True", "end"), Link("cond", "False", "end")],
            },
        };
        var errors = _harness.Validator.Validate(definition);
        Assert.Contains(errors, e => e is { ActivityId: "x", Code: "UnknownType" });
        Assert.Contains(errors, e => e is { ActivityId: "task", Code: "DuplicateConnection" });
        Assert.Contains(errors, e => e is { ActivityId: "task", Code: "DanglingConnection" });
        Assert.Contains(errors, e => e is { ActivityId: "task", Code: "UnconnectedOutcome" });
        Assert.Contains(errors, e => e is { ActivityId: "cond", Code: "BadExpression" });
    }

    internal static string RepoFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GridCase.sln"))) return Path.Combine(dir.FullName, name);
        throw new DirectoryNotFoundException("GridCase.sln not found above the test binaries");
    }
}
