using System.Text.Json.Nodes;
using GridCase.Domain.Cases;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.UnitTests.Workflows;

/// <summary>Moving an instance's position to another version: bookmarks, faults and join arrivals follow the map; nothing re-runs.</summary>
public sealed class InstanceMigrationTests
{
    private static readonly Dictionary<string, string> NoMap = [];

    private static Case NewCase() => Case.Report(
        "GC1", "井盖缺失", "", Channel.App, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", "S1", "D"), null, null, "tester", EngineHarness.Now);

    private static ActivityNode Node(string id, string type, JsonObject? inputs = null) => new() { Id = id, Type = type, Name = id, Inputs = inputs };

    private static Connection Link(string from, string port, string to) => new(new Endpoint(from, port), new Endpoint(to, "In"));

    private static ActivityNode Task(string id, string stage, params string[] outcomes) => Node(id, "HumanTask", new JsonObject
    {
        ["stage"] = stage, ["role"] = "GridWorker", ["scope"] = "CaseGrid", ["outcomes"] = new JsonArray([.. outcomes.Select(o => JsonValue.Create(o))]),
    });

    private static ActivityNode Count() => Node("count", "SetVariable", new JsonObject
    {
        ["variable"] = "runs", ["value"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "(vars.runs || 0) + 1" } },
    });

    /// <summary>v1: count → handle → end. v2: count → handle2 → verify → end, with a new variable.</summary>
    private static readonly WorkflowDefinition V1 = new()
    {
        DefinitionId = "m", Name = "m", Version = 1,
        Root = new Flowchart
        {
            Activities = [Count(), Task("handle", "Handle", "Complete"), Node("end", "End")],
            Connections = [Link("count", "Done", "handle"), Link("handle", "Complete", "end")],
        },
    };

    private static readonly WorkflowDefinition V2 = new()
    {
        DefinitionId = "m", Name = "m", Version = 2, Variables = new JsonObject { ["maxRounds"] = 3, ["runs"] = 99 },
        Root = new Flowchart
        {
            Activities = [Count(), Task("handle2", "Handle", "Complete", "Return"), Task("verify", "Verify", "Pass"), Node("wait", "Timer", new JsonObject { ["duration"] = "PT1H" }), Node("end", "End")],
            Connections = [Link("count", "Done", "handle2"), Link("handle2", "Complete", "verify"), Link("verify", "Pass", "end"), Link("wait", "Done", "end")],
        },
    };

    private static async Task<(EngineHarness Harness, Case Case, WorkflowInstance Instance)> StartV1Async()
    {
        var harness = new EngineHarness();
        var @case = NewCase();
        var instance = WorkflowInstance.Start(@case.Id, "m", 1, EngineHarness.Now);
        await harness.Engine.StartAsync(harness.Run(V1, instance, @case), CancellationToken.None);
        return (harness, @case, instance);
    }

    [Fact]
    public async Task A_mapped_bookmark_moves_keeps_its_id_and_the_instance_goes_on_along_the_new_version_without_re_running_steps()
    {
        var (harness, @case, instance) = await StartV1Async();
        var bookmark = Assert.Single(instance.LoadState().Bookmarks);
        Assert.Equal("handle", bookmark.ActivityId);

        var plan = InstanceMigration.Plan(V1, V2, instance.LoadState(), new Dictionary<string, string> { ["handle"] = "handle2" });
        Assert.False(plan.Blocked);
        Assert.Equal([new ActivityMove("handle", "handle2", "HumanTask")], plan.Moves);
        instance.MigrateTo(2, InstanceMigration.Apply(plan, V2, instance.LoadState()), EngineHarness.Now);

        var state = instance.LoadState();
        Assert.Equal(2, instance.DefinitionVersion);
        Assert.Equal(new Bookmark(bookmark.Id, "handle2", bookmark.Kind), Assert.Single(state.Bookmarks));
        Assert.Equal(1, state.Variables["runs"]!.GetValue<int>());
        Assert.Equal(3, state.Variables["maxRounds"]!.GetValue<int>());

        harness.Events.Clear();
        await harness.Engine.ResumeAsync(harness.Run(V2, instance, @case), new Stimulus(bookmark.Id, "Complete", null, null, "worker"), CancellationToken.None);
        Assert.Equal("verify", Assert.Single(instance.LoadState().Bookmarks).ActivityId);
        Assert.DoesNotContain(harness.Events.OfType<ActivityExecuted>(), e => e.Context.Node.Id == "count");
        Assert.Equal(1, instance.LoadState().Variables["runs"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_activity_the_new_version_lacks_and_the_map_does_not_name_blocks_the_instance()
    {
        var (_, _, instance) = await StartV1Async();

        var plan = InstanceMigration.Plan(V1, V2, instance.LoadState(), NoMap);

        Assert.True(plan.Blocked);
        var blocker = Assert.Single(plan.Blockers);
        Assert.Equal(("handle", MigrationBlocker.ActivityRemoved), (blocker.ActivityId, blocker.Code));
        Assert.Empty(plan.Moves);
        Assert.Throws<InvalidOperationException>(() => InstanceMigration.Apply(plan, V2, instance.LoadState()));
    }

    [Fact]
    public async Task A_task_mapped_to_an_activity_of_another_type_blocks_the_instance()
    {
        var (_, _, instance) = await StartV1Async();

        var plan = InstanceMigration.Plan(V1, V2, instance.LoadState(), new Dictionary<string, string> { ["handle"] = "wait" });

        Assert.Equal(("handle", MigrationBlocker.TypeChanged), (Assert.Single(plan.Blockers).ActivityId, plan.Blockers[0].Code));
    }

    [Fact]
    public void An_activity_kept_under_its_id_moves_without_a_map_and_faults_and_join_arrivals_follow_the_map()
    {
        var older = new WorkflowDefinition
        {
            DefinitionId = "j", Name = "j", Version = 1,
            Root = new Flowchart
            {
                Activities = [Node("fork", "Fork"), Task("a", "Handle", "Done"), Node("b", "Decision"), Node("join", "Join"), Node("end", "End")],
                Connections = [Link("fork", "A", "a"), Link("fork", "B", "b"), Link("a", "Done", "join"), Link("b", "True", "join"), Link("join", "Done", "end")],
            },
        };
        var newer = older with
        {
            Version = 2,
            Root = new Flowchart
            {
                Activities = [Node("fork", "Fork"), Task("a", "Handle", "Done"), Node("b2", "Decision"), Node("join", "Join"), Node("end", "End")],
                Connections = [Link("fork", "A", "a"), Link("fork", "B", "b2"), Link("a", "Done", "join"), Link("b2", "True", "join"), Link("join", "Done", "end")],
            },
        };
        var bookmark = new Bookmark(Guid.NewGuid(), "a", "HumanTask");
        var state = new InstanceState
        {
            Bookmarks = [bookmark],
            Faults = [new ActivityFault("b", "boom", EngineHarness.Now)],
            JoinArrivals = new() { ["join"] = ["b"] },
        };

        var unmapped = InstanceMigration.Plan(older, newer, state, NoMap);
        Assert.Contains(unmapped.Blockers, b => b is { ActivityId: "b", Code: MigrationBlocker.ActivityRemoved });
        Assert.Contains(unmapped.Blockers, b => b is { ActivityId: "join", Code: MigrationBlocker.JoinBranchRemoved });

        var plan = InstanceMigration.Plan(older, newer, state, new Dictionary<string, string> { ["b"] = "b2" });
        Assert.False(plan.Blocked);
        var moved = InstanceMigration.Apply(plan, newer, state);
        Assert.Equal(bookmark, Assert.Single(moved.Bookmarks));
        Assert.Equal("b2", Assert.Single(moved.Faults).ActivityId);
        Assert.Equal(["b2"], moved.JoinArrivals["join"]);
    }

    [Fact]
    public void What_an_activity_waiting_on_several_bookmarks_remembers_moves_with_it()
    {
        var older = new WorkflowDefinition
        {
            DefinitionId = "p", Name = "p", Version = 1,
            Root = new Flowchart { Activities = [Task("parts", "Handle", "Done"), Node("end", "End")], Connections = [Link("parts", "Done", "end")] },
        };
        var newer = older with
        {
            Version = 2,
            Root = new Flowchart { Activities = [Task("coHandle", "Handle", "Done"), Node("end", "End")], Connections = [Link("coHandle", "Done", "end")] },
        };
        var state = new InstanceState
        {
            Bookmarks = [new Bookmark(Guid.NewGuid(), "parts", "HumanTask"), new Bookmark(Guid.NewGuid(), "parts", "HumanTask")],
            ActivityStates = new() { ["parts"] = new JsonObject { ["lead"] = "MZJ", ["done"] = new JsonArray("ZJJ") } },
        };

        var plan = InstanceMigration.Plan(older, newer, state, new Dictionary<string, string> { ["parts"] = "coHandle" });
        var moved = InstanceMigration.Apply(plan, newer, state);

        Assert.All(moved.Bookmarks, b => Assert.Equal("coHandle", b.ActivityId));
        Assert.Equal("coHandle", Assert.Single(moved.ActivityStates).Key);
        Assert.Equal("MZJ", moved.ActivityStates["coHandle"]["lead"]!.GetValue<string>());
    }

    [Fact]
    public void Two_active_activities_mapped_onto_one_block_the_instance()
    {
        var older = new WorkflowDefinition
        {
            DefinitionId = "p", Name = "p", Version = 1,
            Root = new Flowchart { Activities = [Task("x", "Handle", "Done"), Task("y", "Handle", "Done")] },
        };
        var newer = older with { Version = 2, Root = new Flowchart { Activities = [Task("z", "Handle", "Done")] } };
        var state = new InstanceState { Bookmarks = [new(Guid.NewGuid(), "x", "HumanTask"), new(Guid.NewGuid(), "y", "HumanTask")] };

        var plan = InstanceMigration.Plan(older, newer, state, new Dictionary<string, string> { ["x"] = "z", ["y"] = "z" });

        Assert.Equal(MigrationBlocker.ActivitiesMerged, Assert.Single(plan.Blockers).Code);
    }
}
