using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;

namespace GridCase.UnitTests.Workflows;

/// <summary>An automatic step that throws stops its branch as an incident; what led to it is kept, and a retry after a fix goes on.</summary>
public sealed class IncidentTests
{
    private readonly EngineHarness _harness = new();

    private static Case NewCase() => Case.Report(
        "GC1", "井盖缺失", "", Channel.App, new CaseLocation(null, null, null), new Reporter(null, null),
        new CaseArea("G1", "C1", "S1", "D"), null, null, "tester", EngineHarness.Now);

    private static ActivityNode Node(string id, string type, JsonObject? inputs = null) => new() { Id = id, Type = type, Inputs = inputs };

    private static Connection Link(string from, string port, string to) => new(new Endpoint(from, port), new Endpoint(to, "In"));

    /// <summary>Accept, then wait until the instant in the variable <c>when</c>, which nobody has set yet.</summary>
    private static readonly WorkflowDefinition Flow = new()
    {
        DefinitionId = "faulty", Name = "faulty",
        Root = new Flowchart
        {
            Activities =
            [
                Node("accept", "HumanTask", new JsonObject
                {
                    ["stage"] = "Accept", ["role"] = "Acceptor", ["scope"] = "CaseGrid", ["outcomes"] = new JsonArray("Accept"),
                }),
                Node("wait", "Timer", new JsonObject
                {
                    ["until"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "vars.when" } },
                }),
                Node("end", "End", new JsonObject { ["result"] = "Done" }),
            ],
            Connections = [Link("accept", "Accept", "wait"), Link("wait", "Done", "end")],
        },
    };

    private async Task<(WorkflowInstance Instance, Case Case, WorkItem Accept)> FaultAfterAcceptAsync()
    {
        var @case = NewCase();
        var instance = WorkflowInstance.Start(@case.Id, Flow.DefinitionId, 1, EngineHarness.Now);
        await _harness.Engine.StartAsync(_harness.Run(Flow, instance, @case), CancellationToken.None);
        var accept = Assert.Single(_harness.Open);
        await _harness.Engine.ResumeAsync(_harness.Run(Flow, instance, @case), new Stimulus(accept.Id, "Accept", "ok", null, "acceptor"), CancellationToken.None);
        return (instance, @case, accept);
    }

    [Fact]
    public async Task A_step_that_throws_after_a_completion_keeps_the_completion_and_marks_the_instance_faulted_there()
    {
        var (instance, _, accept) = await FaultAfterAcceptAsync();

        Assert.Equal(WorkItemStatus.Completed, accept.Status);
        Assert.Contains(_harness.Events, e => e is BookmarkResumed r && r.Bookmark.Id == accept.Id);
        var faulted = Assert.Single(_harness.Events.OfType<ActivityFaulted>());
        Assert.Equal("wait", faulted.Fault.ActivityId);
        Assert.Contains("until", faulted.Fault.Error);
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var state = instance.LoadState();
        Assert.Equal("wait", Assert.Single(state.Faults).ActivityId);
        Assert.Empty(state.Bookmarks);
        Assert.Empty(_harness.Timers);
    }

    [Fact]
    public async Task A_retry_after_the_data_is_fixed_runs_the_step_again_and_the_instance_goes_on()
    {
        var (instance, @case, _) = await FaultAfterAcceptAsync();
        var retry = _harness.Run(Flow, instance, @case);
        await Assert.ThrowsAsync<ConflictException>(() => _harness.Engine.RetryAsync(retry, "accept", CancellationToken.None));

        // Still broken: the retry records the fault again.
        await _harness.Engine.RetryAsync(_harness.Run(Flow, instance, @case), "wait", CancellationToken.None);
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal(2, _harness.Events.OfType<ActivityFaulted>().Count());

        var fixedRun = _harness.Run(Flow, instance, @case);
        fixedRun.State.Variables["when"] = "2026-11-24T09:00:00+08:00";
        await _harness.Engine.RetryAsync(fixedRun, "wait", CancellationToken.None);

        Assert.Equal(WorkflowStatus.Running, instance.Status);
        Assert.Empty(instance.LoadState().Faults);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)), Assert.Single(_harness.Timers).DueAt);
    }
}
