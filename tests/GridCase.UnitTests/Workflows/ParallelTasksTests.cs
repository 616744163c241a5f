using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.UnitTests.Workflows;

/// <summary>ParallelTasks: one task per org unit, the three completion rules, the lead's override, its checks on save.</summary>
public sealed class ParallelTasksTests
{
    private static readonly DateTimeOffset Now = EngineHarness.Now;
    private readonly EngineHarness _harness = new();

    private static Case NewCase() => Case.Report(
        "GC1", "占道经营", "", Channel.App, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", "S1", "D"), null, null, "tester", Now);

    private static ActivityNode Node(string id, string type, JsonObject? inputs = null) => new() { Id = id, Type = type, Inputs = inputs };

    private static Connection Link(string from, string port, string to) => new(new Endpoint(from, port), new Endpoint(to, "In"));

    private static JsonObject Inputs(string completion, params string[] units) => new()
    {
        ["stage"] = "Handle", ["role"] = "Handler", ["completion"] = completion,
        ["orgUnits"] = new JsonArray([.. units.Select(u => (JsonNode)u)]),
        ["outcomes"] = new JsonArray("Complete", "Return"), ["timeLimit"] = "PT2H",
    };

    /// <summary>parallel → End Done on Complete, End Unresolved on Return.</summary>
    private static WorkflowDefinition Flow(JsonObject inputs) => new()
    {
        DefinitionId = "parallel", Name = "并行 parallel",
        Root = new Flowchart
        {
            Activities = [Node("parallel", "ParallelTasks", inputs), Node("done", "End", new JsonObject { ["result"] = "Done" }),
                          Node("back", "End", new JsonObject { ["result"] = "Unresolved" })],
            Connections = [Link("parallel", "Complete", "done"), Link("parallel", "Return", "back")],
        },
    };

    private sealed record Running(WorkflowDefinition Definition, WorkflowInstance Instance, Case Case);

    private Running Start(JsonObject inputs)
    {
        var definition = Flow(inputs);
        var @case = NewCase();
        var instance = WorkflowInstance.Start(@case.Id, definition.DefinitionId, 1, Now);
        _harness.Engine.StartAsync(_harness.Run(definition, instance, @case), CancellationToken.None).GetAwaiter().GetResult();
        return new(definition, instance, @case);
    }

    private WorkItem Item(string unit) => _harness.WorkItems.Single(w => w.ScopeOrgUnitCode == unit);

    private async Task<WorkflowRun> CompleteAsync(Running r, string unit, string outcome, string? comment = null, JsonObject? data = null, DateTimeOffset? at = null)
    {
        var run = new WorkflowRun(r.Definition, r.Instance, _harness.Services, "handler." + unit, at ?? Now);
        run.Features.Set(new GridCase.CaseActivities.CaseRun(r.Case));
        await _harness.Engine.ResumeAsync(run, new Stimulus(Item(unit).Id, outcome, comment, data, "handler." + unit), CancellationToken.None);
        return run;
    }

    [Fact]
    public async Task All_opens_a_task_per_unit_with_its_own_deadline_and_continues_once_every_one_is_done()
    {
        var r = Start(Inputs("All", "D1", "D2", "D3"));
        Assert.Equal(["D1", "D2", "D3"], _harness.Open.Select(w => w.ScopeOrgUnitCode));
        Assert.All(_harness.Open, w => Assert.Equal(Now.AddHours(2), w.DueAt));
        Assert.All(_harness.Open, w => Assert.Equal(WorkItemKind.Task, w.Kind));
        Assert.Equal(3, r.Instance.LoadState().Bookmarks.Count);

        Assert.False((await CompleteAsync(r, "D1", "Return", "不归我们")).Finished);
        Assert.False((await CompleteAsync(r, "D2", "Complete")).Finished);
        Assert.Single(r.Instance.LoadState().Bookmarks);
        var last = await CompleteAsync(r, "D3", "Complete");

        Assert.True(last.Finished);
        Assert.Equal(CaseResolution.Resolved, r.Case.Resolution);
        Assert.Single(_harness.Events.OfType<WorkflowFinished>());
        Assert.Empty(r.Instance.LoadState().ActivityStates);
    }

    [Fact]
    public async Task Any_takes_the_first_answer_and_cancels_the_other_tasks()
    {
        var r = Start(Inputs("Any", "D1", "D2"));
        var run = await CompleteAsync(r, "D2", "Return");

        Assert.True(run.Finished);
        Assert.Equal(CaseResolution.Unresolved, r.Case.Resolution);
        Assert.Equal(WorkItemStatus.Cancelled, Item("D1").Status);
        Assert.Empty(r.Instance.LoadState().Bookmarks);
    }

    [Fact]
    public async Task The_lead_waits_for_every_co_handler_and_a_late_part_counts_against_the_co_handler_only()
    {
        var r = Start(Inputs("LeadAndCoHandlers", "D1", "D2", "D3"));
        Assert.Equal(WorkItemKind.Lead, Item("D1").Kind);
        Assert.Equal(["Submit"], Item("D2").Outcomes);
        Assert.Equal(WorkItemKind.CoHandler, Item("D3").Kind);

        Assert.False((await CompleteAsync(r, "D2", "Submit", "已完成我方部分")).Finished);
        Assert.False((await CompleteAsync(r, "D1", "Complete", "已处置")).Finished);
        var last = await CompleteAsync(r, "D3", "Submit", at: Now.AddHours(3));

        Assert.True(last.Finished);
        Assert.Equal(CaseResolution.Resolved, r.Case.Resolution);
        Assert.True(Item("D3").IsLate);
        Assert.Equal(0, r.Case.LateWorkItems);
    }

    [Fact]
    public async Task A_late_lead_counts_against_the_case()
    {
        var r = Start(Inputs("LeadAndCoHandlers", "D1", "D2"));
        await CompleteAsync(r, "D2", "Submit");
        await CompleteAsync(r, "D1", "Complete", at: Now.AddHours(3));
        Assert.Equal(1, r.Case.LateWorkItems);
    }

    [Fact]
    public async Task A_co_handler_answers_with_its_part_outcomes_only()
    {
        var r = Start(Inputs("LeadAndCoHandlers", "D1", "D2"));
        var error = await Assert.ThrowsAsync<DomainException>(() => CompleteAsync(r, "D2", "Complete"));
        Assert.Contains("outcome", error.Errors.Keys);
        Assert.Equal(WorkItemStatus.Open, Item("D2").Status);
    }

    [Fact]
    public async Task The_lead_may_finish_alone_with_an_override_comment_and_the_open_parts_are_cancelled()
    {
        var r = Start(Inputs("LeadAndCoHandlers", "D1", "D2"));
        var flag = new JsonObject { ["override"] = true };

        var bare = await Assert.ThrowsAsync<DomainException>(() => CompleteAsync(r, "D1", "Complete", data: flag));
        Assert.Contains("comment", bare.Errors.Keys);
        var notLead = await Assert.ThrowsAsync<DomainException>(() => CompleteAsync(r, "D2", "Submit", "我来", new JsonObject { ["override"] = true }));
        Assert.Contains("data.override", notLead.Errors.Keys);

        var run = await CompleteAsync(r, "D1", "Complete", "协办部门联系不上，主办已全部处置", new JsonObject { ["override"] = true });
        Assert.True(run.Finished);
        Assert.Equal(WorkItemStatus.Cancelled, Item("D2").Status);
        var resumed = _harness.Events.OfType<BookmarkResumed>().Last();
        Assert.Equal("LeadOverride", resumed.Context.JournalData["event"]);
    }

    [Fact]
    public async Task A_lead_outcome_listed_to_finish_at_once_does_not_wait_for_the_co_handlers()
    {
        var inputs = Inputs("LeadAndCoHandlers", "D1", "D2");
        inputs["finishAtOnceFor"] = new JsonArray("Return");
        var r = Start(inputs);
        var run = await CompleteAsync(r, "D1", "Return", "非本部门职责");
        Assert.True(run.Finished);
        Assert.Equal(CaseResolution.Unresolved, r.Case.Resolution);
        Assert.Equal(WorkItemStatus.Cancelled, Item("D2").Status);
    }

    [Fact]
    public async Task The_units_may_come_from_an_expression_and_an_unknown_unit_faults_the_step_without_opening_any_task()
    {
        var inputs = Inputs("All");
        inputs["orgUnits"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "['D1', $case.gridCode]" } };
        Start(inputs);
        Assert.Equal(["D1", "G1"], _harness.Open.Select(w => w.ScopeOrgUnitCode));

        var harness = new EngineHarness();
        var definition = Flow(Inputs("All", "D1", "X9"));
        var @case = NewCase();
        var instance = WorkflowInstance.Start(@case.Id, definition.DefinitionId, 1, Now);
        await harness.Engine.StartAsync(harness.Run(definition, instance, @case), CancellationToken.None);
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Empty(harness.WorkItems);
        Assert.Empty(instance.LoadState().Bookmarks);
    }

    [Fact]
    public async Task The_validator_refuses_inputs_that_do_not_agree()
    {
        var inputs = Inputs("Any", "D1");
        inputs["finishAtOnceFor"] = new JsonArray("Nope");
        inputs["commentRequiredFor"] = new JsonArray("Submit");
        inputs["completion"] = "Sometimes";
        var issues = await _harness.Validator.ValidateAsync(Flow(inputs) with
        {
            Root = new Flowchart { Activities = [Node("parallel", "ParallelTasks", inputs), Node("done", "End")], Connections = [Link("parallel", "Complete", "done")] },
        }, CancellationToken.None);

        Assert.Contains(issues, i => i is { ActivityId: "parallel", Input: "completion", Code: "BadInput" });
        Assert.Contains(issues, i => i is { ActivityId: "parallel", Input: "finishAtOnceFor" });
        Assert.Contains(issues, i => i is { ActivityId: "parallel", Input: "commentRequiredFor" });
        Assert.Contains(issues, i => i is { ActivityId: "parallel", Code: "UnconnectedOutcome" });
        Assert.Empty(await _harness.Validator.ValidateAsync(Flow(Inputs("LeadAndCoHandlers", "D1")), CancellationToken.None));
    }

    [Fact]
    public void The_descriptor_tells_the_palette_its_inputs_in_both_languages()
    {
        var descriptor = _harness.Services.GetServices<GridCase.Workflows.Activities.IActivity>().Single(a => a.Descriptor.Type == "ParallelTasks").Descriptor;
        Assert.True(descriptor.Blocking);
        Assert.Equal("outcomes", descriptor.OutcomesFromInput);
        var completion = descriptor.Inputs.Single(i => i.Name == "completion");
        Assert.Equal(["All", "Any", "LeadAndCoHandlers"], completion.Options);
        Assert.True(descriptor.Inputs.Single(i => i.Name == "orgUnits").SupportsExpression);
        Assert.False(string.IsNullOrEmpty(descriptor.Help.Zh));
        Assert.False(string.IsNullOrEmpty(descriptor.Help.En));
    }
}
