using System.Text.Json.Nodes;
using GridCase.Domain.Cases;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.UnitTests.Workflows;

/// <summary>Escalate: the case's responsible level goes up, and the next task scoped Responsible goes to that level's org unit.</summary>
public sealed class EscalateTests
{
    private static Case NewCase() => Case.Report(
        "GC9", "楼道堆物", "", Channel.GridPatrol, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", "S1", "D"), null, null, "grid", EngineHarness.Now);

    private static ActivityNode Node(string id, string type, JsonObject? inputs = null) => new() { Id = id, Type = type, Inputs = inputs };

    private static Connection Link(string from, string port, string to) => new(new Endpoint(from, port), new Endpoint(to, "In"));

    private static JsonObject Task(string stage) => new()
    {
        ["stage"] = stage, ["role"] = "GridWorker", ["scope"] = "Responsible", ["outcomes"] = new JsonArray("Solve", "Escalate"),
    };

    /// <summary>Place at the grid → task → (Escalate) one step up → task → (Escalate) to the district → task.</summary>
    private static WorkflowDefinition Flow(JsonObject? secondEscalation = null) => new()
    {
        DefinitionId = "tiers", Name = "tiers",
        Root = new Flowchart
        {
            Activities =
            [
                Node("place", "Escalate", new JsonObject { ["level"] = "Grid", ["reason"] = "网格员巡查发现" }),
                Node("grid", "HumanTask", Task("Handle")), Node("up", "Escalate"),
                Node("community", "HumanTask", Task("Handle")), Node("top", "Escalate", secondEscalation ?? new JsonObject { ["level"] = "District" }),
                Node("district", "HumanTask", Task("Dispatch")), Node("end", "End"),
            ],
            Connections =
            [
                Link("place", "Done", "grid"), Link("grid", "Escalate", "up"), Link("up", "Done", "community"),
                Link("community", "Escalate", "top"), Link("top", "Done", "district"),
                Link("grid", "Solve", "end"), Link("community", "Solve", "end"), Link("district", "Solve", "end"),
            ],
        },
    };

    [Fact]
    public async Task Escalate_moves_the_level_up_journals_the_reason_and_the_person_and_scopes_the_next_task_to_that_level()
    {
        var harness = new EngineHarness();
        var @case = NewCase();
        var definition = Flow();
        var instance = WorkflowInstance.Start(@case.Id, "tiers", 1, EngineHarness.Now);
        await harness.Engine.StartAsync(harness.Run(definition, instance, @case), CancellationToken.None);
        Assert.Equal((ResponsibleLevel.Grid, "G1"), (@case.ResponsibleLevel!.Value, @case.ResponsibleOrgUnitCode));
        Assert.Equal("G1", Assert.Single(harness.Open).ScopeOrgUnitCode);

        await harness.Engine.ResumeAsync(harness.Run(definition, instance, @case),
            new Stimulus(harness.Open.Single().Id, "Escalate", "邻里纠纷，网格内调解不成", null, "grid.G1"), CancellationToken.None);
        Assert.Equal((ResponsibleLevel.Community, "C1"), (@case.ResponsibleLevel!.Value, @case.ResponsibleOrgUnitCode));
        Assert.Equal("C1", Assert.Single(harness.Open).ScopeOrgUnitCode);
        var up = harness.Events.OfType<ActivityExecuted>().Single(e => e.Context.Node.Id == "up").Context.JournalData;
        Assert.Equal("Escalated", up["event"]);
        Assert.Equal("Community", up["outcome"]);
        Assert.Equal("Grid → Community (C1): 邻里纠纷，网格内调解不成", up["comment"]);
        Assert.Equal("grid.G1", up["actor"]);

        await harness.Engine.ResumeAsync(harness.Run(definition, instance, @case),
            new Stimulus(harness.Open.Single().Id, "Escalate", "需多部门联合", null, "community.C1"), CancellationToken.None);
        Assert.Equal((ResponsibleLevel.District, "D"), (@case.ResponsibleLevel!.Value, @case.ResponsibleOrgUnitCode));
        Assert.Equal("D", Assert.Single(harness.Open).ScopeOrgUnitCode);

        await harness.Engine.ResumeAsync(harness.Run(definition, instance, @case),
            new Stimulus(harness.Open.Single().Id, "Solve", null, null, "dispatcher"), CancellationToken.None);
        @case.Assess(EngineHarness.Now);
        Assert.Equal(ResponsibleLevel.District, @case.Assessment!.SolvedAtLevel);
    }

    [Fact]
    public async Task Escalating_down_or_without_a_reason_faults_at_the_step_and_leaves_the_level_alone()
    {
        var harness = new EngineHarness();
        var @case = NewCase();
        var definition = Flow(new JsonObject { ["level"] = "Grid", ["reason"] = "退回网格" });
        var instance = WorkflowInstance.Start(@case.Id, "tiers", 1, EngineHarness.Now);
        await harness.Engine.StartAsync(harness.Run(definition, instance, @case), CancellationToken.None);

        // No comment on the completion and no reason input: nothing to put on record.
        await harness.Engine.ResumeAsync(harness.Run(definition, instance, @case),
            new Stimulus(harness.Open.Single().Id, "Escalate", null, null, "grid.G1"), CancellationToken.None);
        Assert.Equal("up", Assert.Single(harness.Events.OfType<ActivityFaulted>()).Fault.ActivityId);
        Assert.Equal(ResponsibleLevel.Grid, @case.ResponsibleLevel);

        var again = NewCase();
        var second = WorkflowInstance.Start(again.Id, "tiers", 1, EngineHarness.Now);
        var other = new EngineHarness();
        await other.Engine.StartAsync(other.Run(definition, second, again), CancellationToken.None);
        await other.Engine.ResumeAsync(other.Run(definition, second, again),
            new Stimulus(other.Open.Single().Id, "Escalate", "调解不成", null, "grid.G1"), CancellationToken.None);
        await other.Engine.ResumeAsync(other.Run(definition, second, again),
            new Stimulus(other.Open.Single().Id, "Escalate", "退回", null, "community.C1"), CancellationToken.None);
        Assert.Equal("top", Assert.Single(other.Events.OfType<ActivityFaulted>()).Fault.ActivityId);
        Assert.Equal(ResponsibleLevel.Community, again.ResponsibleLevel);
    }

    [Fact]
    public void Escalate_publishes_its_typed_inputs_with_help_and_a_wrong_level_is_refused_on_save()
    {
        var harness = new EngineHarness();
        var descriptor = harness.Services.GetRequiredService<GridCase.Workflows.Activities.ActivityRegistry>().Descriptors.Single(d => d.Type == "Escalate");
        Assert.Equal(["Done"], descriptor.Outcomes);
        Assert.Equal(["Grid", "Community", "Subdistrict", "District"], descriptor.Inputs.Single(i => i.Name == "level").Options);
        Assert.Contains("责任层级", descriptor.Help.Zh);
        Assert.Contains("responsible level", descriptor.Help.En);

        var issues = harness.Validator.Validate(Flow(new JsonObject { ["level"] = "Province" }));
        Assert.Contains(issues, i => (i.ActivityId, i.Input, i.Code) == ("top", "level", "BadInput"));
    }
}
