using System.Text.Json.Nodes;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.UnitTests.Workflows;

/// <summary>AutoDispatch to the catalog owner (the default), the grid's duty team, or a department an expression names.</summary>
public sealed class AutoDispatchTests
{
    private static readonly CatalogSnapshot Item = new("01.009", 1, "井盖松动异响", "P3D", "Working", "紧固", [], "D1", Urgency.Critical);

    private static Case NewCase(string subdistrict = "S1") => Case.Report(
        "GC5", "井盖松了", "", Channel.Sensor, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", subdistrict, "D"), Item.ItemCode, Item, "device:M1", EngineHarness.Now);

    private static WorkflowDefinition Flow(JsonObject? inputs) => new()
    {
        DefinitionId = "dispatch", Name = "dispatch",
        Root = new Flowchart
        {
            Activities = [new ActivityNode { Id = "send", Type = "AutoDispatch", Inputs = inputs }, new ActivityNode { Id = "end", Type = "End" }],
            Connections = [new Connection(new Endpoint("send", "Done"), new Endpoint("end", "In"))],
        },
    };

    private static async Task<(EngineHarness Harness, Case Case, WorkflowInstance Instance)> RunAsync(JsonObject? inputs, string subdistrict = "S1")
    {
        var harness = new EngineHarness();
        var @case = NewCase(subdistrict);
        var instance = WorkflowInstance.Start(@case.Id, "dispatch", 1, EngineHarness.Now);
        await harness.Engine.StartAsync(harness.Run(Flow(inputs), instance, @case), CancellationToken.None);
        return (harness, @case, instance);
    }

    private static JsonObject Script(string value) => new() { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = value } };

    [Fact]
    public async Task Without_inputs_it_dispatches_to_the_catalog_owner_as_before()
    {
        var (_, @case, instance) = await RunAsync(null);
        Assert.Equal(("D1", WorkflowStatus.Finished), (@case.DepartmentCode, instance.Status));
    }

    [Fact]
    public async Task To_the_duty_team_of_the_case_grid_and_a_grid_without_one_is_an_incident()
    {
        var (harness, @case, instance) = await RunAsync(new JsonObject { ["to"] = "DutyTeam" });
        Assert.Equal(("S1-DT", WorkflowStatus.Finished), (@case.DepartmentCode, instance.Status));
        Assert.Equal(("DutyTeam", "S1-DT"), (Journal(harness, "outcome"), Journal(harness, "comment")));

        (harness, @case, instance) = await RunAsync(new JsonObject { ["to"] = "DutyTeam" }, subdistrict: "S9");
        Assert.Null(@case.DepartmentCode);
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("duty team", Assert.Single(harness.Events.OfType<ActivityFaulted>()).Fault.Error);
    }

    [Fact]
    public async Task To_a_department_an_expression_names_and_one_that_does_not_exist_is_an_incident()
    {
        var (_, @case, _) = await RunAsync(new JsonObject { ["to"] = "Department", ["departmentCode"] = Script("$case.urgency == 'Critical' ? 'D2' : 'D1'") });
        Assert.Equal("D2", @case.DepartmentCode);

        var (harness, gone, instance) = await RunAsync(new JsonObject { ["to"] = "Department", ["departmentCode"] = Script("'GONE'") });
        Assert.Null(gone.DepartmentCode);
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("GONE", Assert.Single(harness.Events.OfType<ActivityFaulted>()).Fault.Error);
    }

    [Fact]
    public async Task Its_inputs_are_checked_on_save()
    {
        var validator = new EngineHarness().Validator;
        async Task<IReadOnlyList<DefinitionIssue>> IssuesAsync(JsonObject inputs) => await validator.ValidateAsync(Flow(inputs), CancellationToken.None);

        Assert.Contains(await IssuesAsync(new() { ["to"] = "Somebody" }), i => (i.Input, i.Code) == ("to", "BadInput"));
        Assert.Contains(await IssuesAsync(new() { ["to"] = "Department" }), i => (i.Input, i.Code) == ("departmentCode", "MissingInput"));
        Assert.Contains(await IssuesAsync(new() { ["to"] = "Department", ["departmentCode"] = "NOPE" }), i => (i.Input, i.Code) == ("departmentCode", "BadInput"));
        Assert.DoesNotContain(await IssuesAsync(new() { ["to"] = "Department", ["departmentCode"] = "D2" }), i => i.Severity == IssueSeverity.Error);
        Assert.DoesNotContain(await IssuesAsync(new() { ["to"] = "Department", ["departmentCode"] = Script("'D' + 1") }), i => i.Severity == IssueSeverity.Error);
        Assert.DoesNotContain(await IssuesAsync(new() { ["to"] = "DutyTeam" }), i => i.Severity == IssueSeverity.Error);
    }

    private static string? Journal(EngineHarness harness, string key) =>
        harness.Events.OfType<ActivityExecuted>().Single(e => e.Context.Node.Id == "send").Context.JournalData[key] as string;
}
