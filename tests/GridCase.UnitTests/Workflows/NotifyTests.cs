using System.Text.Json.Nodes;
using GridCase.Domain.Cases;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.UnitTests.Workflows;

public sealed class NotifyTests
{
    private static Case NewCase() => Case.Report(
        "GC7", "井盖缺失", "", Channel.App, new CaseLocation(null, null, null), new Reporter("张先生", "13800000000"),
        new CaseArea("G1", "C1", "S1", "D"), null, null, "tester", EngineHarness.Now);

    private static WorkflowDefinition Flow(JsonObject inputs) => new()
    {
        DefinitionId = "notify", Name = "notify",
        Root = new Flowchart
        {
            Activities = [new ActivityNode { Id = "tell", Type = "Notify", Inputs = inputs }, new ActivityNode { Id = "end", Type = "End" }],
            Connections = [new Connection(new Endpoint("tell", "Done"), new Endpoint("end", "In"))],
        },
    };

    [Fact]
    public async Task Notify_puts_one_request_for_roles_in_the_case_scope_users_and_the_reporter_with_the_message_evaluated()
    {
        var harness = new EngineHarness();
        var @case = NewCase();
        var definition = Flow(new JsonObject
        {
            ["roles"] = new JsonArray("Handler"), ["scope"] = "CaseGrid", ["users"] = new JsonArray("dispatcher"), ["toReporter"] = true,
            ["title"] = "已派遣",
            ["message"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "'案件 ' + $case.number + ' 已派遣'" } },
        });
        var instance = WorkflowInstance.Start(@case.Id, "notify", 1, EngineHarness.Now);

        await harness.Engine.StartAsync(harness.Run(definition, instance, @case), CancellationToken.None);

        var request = Assert.Single(harness.Notifications);
        Assert.Equal((@case.Id, "tell", "G1", true), (request.CaseId, request.ActivityId, request.ScopeOrgUnitCode, request.ToReporter));
        Assert.Equal(["Handler"], request.Roles);
        Assert.Equal(["dispatcher"], request.Users);
        Assert.Equal(("已派遣", "案件 GC7 已派遣"), (request.Title, request.Message));
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
    }

    [Fact]
    public async Task Notify_is_checked_on_save_and_one_without_any_recipient_faults()
    {
        var harness = new EngineHarness();
        var issues = harness.Validator.Validate(Flow(new JsonObject { ["roles"] = new JsonArray("Janitor") }));
        Assert.Contains(issues, i => (i.ActivityId, i.Input, i.Code) == ("tell", "roles", "BadInput"));
        Assert.Contains(issues, i => (i.ActivityId, i.Input, i.Code) == ("tell", "title", "MissingInput"));

        var @case = NewCase();
        var instance = WorkflowInstance.Start(@case.Id, "notify", 1, EngineHarness.Now);
        await harness.Engine.StartAsync(harness.Run(Flow(new JsonObject { ["title"] = "空" }), instance, @case), CancellationToken.None);
        Assert.Equal("tell", Assert.Single(harness.Events.OfType<ActivityFaulted>()).Fault.ActivityId);
        Assert.Empty(harness.Notifications);
    }
}
