using System.Text.Json.Nodes;
using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.UnitTests.Workflows;

public sealed class AutoAcceptTests
{
    private static readonly CatalogSnapshot Manhole = new(
        "01.009", 1, "井盖松动异响", "P3D", "Working", "紧固或更换井盖", [ClosureRequirement.AfterPhoto], "CGJ", Urgency.Normal);

    private static readonly CatalogSnapshot Garbage = new(
        "03.003", 2, "小区内暴露垃圾", "P1D", "Working", "清运完毕", [], "ZJJ", Urgency.Normal);

    private static Case NewCase(CatalogSnapshot? item) => Case.Report(
        "GC9", "井盖松了", "车一过就响", Channel.Sensor, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", "S1", "D"), item?.ItemCode, item, "device:M1", EngineHarness.Now);

    /// <summary>AutoAccept → End Done when accepted; → an acceptor's task when it needs review.</summary>
    private static WorkflowDefinition Flow(JsonObject? inputs = null) => new()
    {
        DefinitionId = "auto", Name = "auto",
        Root = new Flowchart
        {
            Activities =
            [
                new ActivityNode { Id = "auto", Type = "AutoAccept", Inputs = inputs },
                new ActivityNode
                {
                    Id = "review", Type = "HumanTask",
                    Inputs = new JsonObject { ["stage"] = "Accept", ["role"] = "Acceptor", ["scope"] = "CaseGrid", ["outcomes"] = new JsonArray("Accept") },
                },
                new ActivityNode { Id = "end", Type = "End" },
            ],
            Connections =
            [
                new(new Endpoint("auto", "Accepted"), new Endpoint("end", "In")),
                new(new Endpoint("auto", "NeedsReview"), new Endpoint("review", "In")),
                new(new Endpoint("review", "Accept"), new Endpoint("end", "In")),
            ],
        },
    };

    private static async Task<(EngineHarness Harness, Case Case, WorkflowInstance Instance)> RunAsync(
        CatalogSnapshot? given, CatalogSuggestion? suggestion, JsonObject? inputs = null)
    {
        var harness = new EngineHarness { Suggestion = suggestion };
        var @case = NewCase(given);
        var instance = WorkflowInstance.Start(@case.Id, "auto", 1, EngineHarness.Now);
        await harness.Engine.StartAsync(harness.Run(Flow(inputs), instance, @case), CancellationToken.None);
        return (harness, @case, instance);
    }

    private static ActivityExecuted Step(EngineHarness harness) =>
        harness.Events.OfType<ActivityExecuted>().Single(e => e.Context.Node.Id == "auto");

    [Fact]
    public async Task The_item_given_with_the_report_accepts_the_case_whatever_the_suggestion_says()
    {
        var (harness, @case, instance) = await RunAsync(Manhole, new CatalogSuggestion(Garbage, 99));

        Assert.Equal(["Accepted"], Step(harness).Outcomes);
        Assert.Equal("ReportItem", Step(harness).Context.JournalData["outcome"]);
        Assert.Equal(("01.009", CaseStage.Done), (@case.ItemCode, @case.Stage));
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Empty(harness.WorkItems);
    }

    [Fact]
    public async Task Without_an_item_a_suggestion_that_reaches_the_threshold_classifies_the_case()
    {
        var (harness, @case, instance) = await RunAsync(null, new CatalogSuggestion(Manhole, 12.5), new JsonObject { ["minScore"] = 12.5 });

        Assert.Equal(["Accepted"], Step(harness).Outcomes);
        Assert.Equal("Suggested", Step(harness).Context.JournalData["outcome"]);
        Assert.Equal(Manhole, @case.Catalog);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
    }

    [Theory]
    [InlineData(7.9)]
    [InlineData(null)]
    public async Task A_suggestion_below_the_threshold_or_none_leaves_by_NeedsReview_to_a_person(double? score)
    {
        var (harness, @case, instance) = await RunAsync(null, score is { } s ? new CatalogSuggestion(Manhole, s) : null);

        Assert.Equal(["NeedsReview"], Step(harness).Outcomes);
        Assert.Null(@case.Catalog);
        Assert.Equal(CaseStage.Accept, @case.Stage);
        Assert.Equal(WorkflowStatus.Running, instance.Status);
        Assert.Equal(("review", "Acceptor"), (Assert.Single(harness.Open).ActivityId, harness.Open.Single().Role));
    }

    [Fact]
    public void Its_descriptor_offers_both_ports_and_a_typed_threshold_that_is_checked_on_save()
    {
        var harness = new EngineHarness();
        var descriptor = harness.Services.GetServices<GridCase.Workflows.Activities.IActivity>().Single(a => a.Descriptor.Type == "AutoAccept").Descriptor;
        Assert.Equal(["Accepted", "NeedsReview"], descriptor.Outcomes);
        var minScore = Assert.Single(descriptor.Inputs);
        Assert.Equal(("minScore", "number", (double?)0, (object?)30d), (minScore.Name, minScore.Type, minScore.Min, minScore.DefaultValue));
        Assert.NotNull(minScore.Help);
        Assert.Contains("自动受理", descriptor.DisplayName);

        var issues = harness.Validator.Validate(Flow(new JsonObject { ["minScore"] = -1 }));
        Assert.Contains(issues, i => (i.ActivityId, i.Input, i.Code) == ("auto", "minScore", "BadInput"));
        Assert.DoesNotContain(harness.Validator.Validate(Flow()), i => i.Severity == IssueSeverity.Error);
    }
}
