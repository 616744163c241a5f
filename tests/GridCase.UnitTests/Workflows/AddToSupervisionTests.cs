using System.Text.Json.Nodes;
using GridCase.Domain.Cases;
using GridCase.Domain.Supervision;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.UnitTests.Workflows;

public sealed class AddToSupervisionTests
{
    private static Case NewCase() => Case.Report(
        "GC8", "占道经营", "", Channel.App, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", "S1", "D"), null, null, "tester", EngineHarness.Now);

    private static WorkflowDefinition Flow(JsonObject inputs) => new()
    {
        DefinitionId = "supervise", Name = "supervise",
        Root = new Flowchart
        {
            Activities = [new ActivityNode { Id = "flag", Type = "AddToSupervision", Inputs = inputs }, new ActivityNode { Id = "end", Type = "End" }],
            Connections = [new Connection(new Endpoint("flag", "Done"), new Endpoint("end", "In"))],
        },
    };

    [Fact]
    public async Task AddToSupervision_raises_the_kind_with_the_reason_evaluated_the_severity_and_the_term()
    {
        var harness = new EngineHarness();
        var @case = NewCase();
        var definition = Flow(new JsonObject
        {
            ["kind"] = "Rework", ["severity"] = "Critical", ["dueIn"] = "P2D",
            ["reason"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "'案件 ' + $case.number + ' 需督办'" } },
        });
        var instance = WorkflowInstance.Start(@case.Id, "supervise", 1, EngineHarness.Now);

        await harness.Engine.StartAsync(harness.Run(definition, instance, @case), CancellationToken.None);

        var raised = Assert.Single(harness.Supervision);
        Assert.Equal((@case.Id, SupervisionKind.Rework, SupervisionSeverity.Critical, "案件 GC8 需督办"), (raised.CaseId, raised.Kind, raised.Severity, raised.Reason));
        Assert.Equal(EngineHarness.Now.AddDays(2), raised.DueAt);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
    }

    [Fact]
    public async Task AddToSupervision_defaults_to_a_manual_entry_of_high_severity()
    {
        var harness = new EngineHarness();
        var @case = NewCase();
        var instance = WorkflowInstance.Start(@case.Id, "supervise", 1, EngineHarness.Now);
        await harness.Engine.StartAsync(harness.Run(Flow(new JsonObject { ["reason"] = "领导批示" }), instance, @case), CancellationToken.None);
        var raised = Assert.Single(harness.Supervision);
        Assert.Equal((SupervisionKind.Manual, SupervisionSeverity.High, (DateTimeOffset?)null), (raised.Kind, raised.Severity, raised.DueAt));
    }

    [Fact]
    public async Task AddToSupervision_is_checked_on_save_and_an_empty_reason_faults()
    {
        var harness = new EngineHarness();
        var issues = harness.Validator.Validate(Flow(new JsonObject { ["kind"] = "Late", ["severity"] = "Extreme", ["dueIn"] = "two days" }));
        Assert.Contains(issues, i => (i.ActivityId, i.Input, i.Code) == ("flag", "kind", "BadInput"));
        Assert.Contains(issues, i => (i.ActivityId, i.Input, i.Code) == ("flag", "severity", "BadInput"));
        Assert.Contains(issues, i => (i.ActivityId, i.Input, i.Code) == ("flag", "dueIn", "BadInput"));
        Assert.Contains(issues, i => (i.ActivityId, i.Input, i.Code) == ("flag", "reason", "MissingInput"));

        var @case = NewCase();
        var instance = WorkflowInstance.Start(@case.Id, "supervise", 1, EngineHarness.Now);
        var script = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "''" } };
        await harness.Engine.StartAsync(harness.Run(Flow(new JsonObject { ["reason"] = script }), instance, @case), CancellationToken.None);
        Assert.Equal("flag", Assert.Single(harness.Events.OfType<ActivityFaulted>()).Fault.ActivityId);
        Assert.Empty(harness.Supervision);
    }
}
