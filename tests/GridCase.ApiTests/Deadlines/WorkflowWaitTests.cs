using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using GridCase.Host.WorkflowTimers;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests.Deadlines;

/// <summary>Timer and WaitForSignal: instances that wait on time or on a named signal instead of a person.</summary>
public sealed class WorkflowWaitTests
{
    private static string Events(JsonNode c) => string.Join(",", c["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()));

    private static async Task<int> SweepAsync(GridCaseApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimerSweep>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_signal_moves_the_waiting_case_once_and_only_from_the_roles_the_flow_names()
    {
        using var app = new ClockedApp();
        var item = TestCatalog.PlainItem(app).Code;
        await TestFlows.BindAsync(app, TestFlows.Waiting("reply", "WaitForSignal", new JsonObject
        {
            ["signal"] = "ReporterReplied", ["roles"] = new JsonArray("Acceptor"), ["timeout"] = "PT1H",
        }, "Received", "TimedOut"), item);
        var c = await app.Client("acceptor").ReportAsync(item);
        var id = c["id"]!.GetValue<string>();
        Assert.Equal("Reported,SignalAwaited", Events(c));

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client("dispatcher").PostAsync($"/api/cases/{id}/signals/ReporterReplied", null)).StatusCode);
        await ApiClient.ProblemAsync(await app.Client("acceptor").PostAsync($"/api/cases/{id}/signals/SomethingElse", null), HttpStatusCode.Conflict);
        var done = await ApiClient.ReadAsync(await app.Client("acceptor").PostAsync($"/api/cases/{id}/signals/ReporterReplied", new { answer = "已解决" }), HttpStatusCode.OK);

        Assert.Equal("Done", done["stage"]!.GetValue<string>());
        Assert.Equal("Reported,SignalAwaited,SignalReceived,Finished", Events(done));
        Assert.Equal("acceptor", done["journal"]![2]!["actor"]!.GetValue<string>());
        await ApiClient.ProblemAsync(await app.Client("acceptor").PostAsync($"/api/cases/{id}/signals/ReporterReplied", null), HttpStatusCode.Conflict);

        // The timeout comes due later and finds nothing left to do.
        app.FakeClock.Advance(TimeSpan.FromHours(2));
        await SweepAsync(app);
        Assert.Equal(Events(done), Events(await app.Client("acceptor").GetJsonAsync($"/api/cases/{id}")));
    }

    [Fact]
    public async Task A_signal_that_does_not_come_in_time_leaves_by_its_timeout()
    {
        using var app = new ClockedApp();
        var item = TestCatalog.PlainItem(app).Code;
        await TestFlows.BindAsync(app, TestFlows.Waiting("reply", "WaitForSignal", new JsonObject
        {
            ["signal"] = "ReporterReplied", ["roles"] = new JsonArray("Acceptor"), ["timeout"] = "PT1H",
        }, "Received", "TimedOut"), item);
        var id = (await app.Client("acceptor").ReportAsync(item))["id"]!.GetValue<string>();

        app.FakeClock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await SweepAsync(app));
        app.FakeClock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await SweepAsync(app));
        Assert.Equal(0, await SweepAsync(app));

        var c = await app.Client("acceptor").GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("Unresolved", c["resolution"]!.GetValue<string>());
        // Ending Unresolved puts the case on the supervision list.
        Assert.Equal("Reported,SignalAwaited,SignalTimedOut,Finished,SupervisionRaised", Events(c));
        await ApiClient.ProblemAsync(await app.Client("acceptor").PostAsync($"/api/cases/{id}/signals/ReporterReplied", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_timer_pending_at_shutdown_moves_the_case_on_once_after_the_restart()
    {
        string folder, caseId;
        using (var first = new ClockedApp())
        {
            first.KeepData = true;
            folder = first.DataFolder;
            var item = TestCatalog.PlainItem(first).Code;
            await TestFlows.BindAsync(first, TestFlows.Waiting("cool-off", "Timer", new JsonObject { ["duration"] = "PT10M" }, "Done"), item);
            var c = await first.Client("acceptor").ReportAsync(item);
            caseId = c["id"]!.GetValue<string>();
            Assert.Equal("Reported,TimerStarted", Events(c));
        }

        using var second = ClockedApp.Restart(folder, ClockedApp.Monday0900.AddMinutes(11));
        second.KeepData = false;
        var after = await RestartTests.WaitForAsync(() => second.Client("acceptor").GetJsonAsync($"/api/cases/{caseId}"),
            c => c["stage"]!.GetValue<string>() == "Done", TimeSpan.FromSeconds(30));
        await SweepAsync(second);

        Assert.Equal("Done", after["stage"]!.GetValue<string>());
        Assert.Equal("Reported,TimerStarted,TimerFired,Finished", Events(await second.Client("acceptor").GetJsonAsync($"/api/cases/{caseId}")));
    }
}
