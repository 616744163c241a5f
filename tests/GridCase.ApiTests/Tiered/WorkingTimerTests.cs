using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;
using GridCase.Host.WorkflowTimers;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests.Tiered;

/// <summary>A Timer on a working calendar, through a flow published over HTTP: office hours count, lunch and nights do not, across a restart.</summary>
public sealed class WorkingTimerTests
{
    private static string Events(JsonNode c) => string.Join(",", c["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()));

    private static async Task<int> SweepAsync(GridCaseApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimerSweep>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Four_working_hours_from_Monday_nine_end_at_three_in_the_afternoon_even_across_a_restart()
    {
        string folder, caseId;
        using (var first = new ClockedApp())
        {
            first.KeepData = true;
            folder = first.DataFolder;
            var item = TestCatalog.PlainItem(first).Code;
            await TestFlows.BindAsync(first, TestFlows.Waiting("working-wait", "Timer", new JsonObject
            {
                ["duration"] = "PT4H", ["calendar"] = "Working",
                ["orgUnit"] = TestFlows.Expression("$case.gridCode"),
            }, "Done"), item);
            var c = await first.Client("acceptor").ReportAsync(item);
            caseId = c["id"]!.GetValue<string>();
            var started = c["journal"]!.AsArray().Single(j => j!["event"]!.GetValue<string>() == "TimerStarted")!;
            Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.FromHours(8)), DateTimeOffset.Parse(started["comment"]!.GetValue<string>()));
        }

        // 13:30 Beijing time: four natural hours are gone, four working hours are not (lunch is 12:00–14:00).
        using var second = ClockedApp.Restart(folder, ClockedApp.Monday0900.AddHours(4.5));
        second.KeepData = false;
        Assert.Equal(0, await SweepAsync(second));
        Assert.Equal("Reported,TimerStarted", Events(await second.Client("acceptor").GetJsonAsync($"/api/cases/{caseId}")));

        // The job rescheduled at startup or the sweep fires it, whichever comes first, and only once.
        second.FakeClock.Advance(TimeSpan.FromHours(1.5) + TimeSpan.FromMinutes(1));
        await SweepAsync(second);
        var done = await RestartTests.WaitForAsync(() => second.Client("acceptor").GetJsonAsync($"/api/cases/{caseId}"),
            c => c["stage"]!.GetValue<string>() == "Done", TimeSpan.FromSeconds(30));
        Assert.Equal(0, await SweepAsync(second));
        Assert.Equal("Done", done["stage"]!.GetValue<string>());
        Assert.Equal("Reported,TimerStarted,TimerFired,Finished", Events(done));
    }
}
