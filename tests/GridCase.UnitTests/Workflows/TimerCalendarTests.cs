using System.Text.Json.Nodes;
using GridCase.Domain.Cases;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Runtime;

namespace GridCase.UnitTests.Workflows;

/// <summary>Timer: a duration on natural time, or on the working calendar of an org unit (office hours, weekends).</summary>
public sealed class TimerCalendarTests
{
    private static async Task<WorkflowTimerRequest> StartAsync(JsonObject inputs)
    {
        var harness = new EngineHarness();
        var @case = Case.Report("GC8", "噪音扰民", "", Channel.App, new CaseLocation(null, null, null), new Reporter(null, null),
            new CaseArea("G1", "C1", "S1", "D"), null, null, "tester", EngineHarness.Now);
        var definition = new WorkflowDefinition
        {
            DefinitionId = "wait", Name = "wait",
            Root = new Flowchart
            {
                Activities = [new ActivityNode { Id = "wait", Type = "Timer", Inputs = inputs }, new ActivityNode { Id = "end", Type = "End" }],
                Connections = [new Connection(new Endpoint("wait", "Done"), new Endpoint("end", "In"))],
            },
        };
        Assert.Empty(harness.Validator.Validate(definition));
        await harness.Engine.StartAsync(harness.Run(definition, WorkflowInstance.Start(@case.Id, "wait", 1, EngineHarness.Now), @case), CancellationToken.None);
        return Assert.Single(harness.Timers);
    }

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_working_duration_counts_office_hours_only_and_skips_the_weekend()
    {
        // Monday 09:00 + 4 working hours: 09:00–12:00, then 14:00–15:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 0, 0, Beijing),
            (await StartAsync(new JsonObject { ["duration"] = "PT4H", ["calendar"] = "Working" })).DueAt);
        // Five working days from Monday is the next Monday, not Saturday.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Beijing),
            (await StartAsync(new JsonObject { ["duration"] = "P5D", ["calendar"] = "Working" })).DueAt);
    }

    [Fact]
    public async Task A_natural_duration_is_elapsed_time_and_a_unit_on_a_7x24_calendar_works_around_the_clock()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, Beijing), (await StartAsync(new JsonObject { ["duration"] = "PT4H" })).DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, Beijing),
            (await StartAsync(new JsonObject { ["duration"] = "PT4H", ["calendar"] = "Working", ["orgUnit"] = "TEAM" })).DueAt);
        // The org unit may come from the case, e.g. its responsible level's unit.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 0, 0, Beijing), (await StartAsync(new JsonObject
        {
            ["duration"] = "PT4H", ["calendar"] = "Working",
            ["orgUnit"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "$case.gridCode" } },
        })).DueAt);
    }
}
