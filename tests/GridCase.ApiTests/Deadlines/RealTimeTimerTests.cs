using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Deadlines;

/// <summary>
/// No fake clock: a catalog item on a natural limit of a few seconds, and real Hangfire jobs fire the
/// warning and the overdue — also for a work item whose host was stopped and started again in between.
/// </summary>
public sealed class RealTimeTimerTests
{
    private static async Task<string> ShortLimitItemAsync(GridCaseApp app, string limit)
    {
        var code = TestCatalog.PlainItem(app).Code;
        var policy = app.Client("policy");
        var item = (await policy.GetJsonAsync($"/api/catalog/items/{code}")).AsObject();
        item["timeLimit"] = limit;
        item["calendar"] = "Natural";
        await ApiClient.ReadAsync(await policy.PutAsync($"/api/catalog/items/{code}", item), HttpStatusCode.OK);
        return code;
    }

    private static async Task<JsonNode> ToHandleAsync(CaseDriver d, string code)
    {
        var c = await d.Acceptor.ReportAsync(code);
        c = await d.CompleteAsync(c, "Accept", "Accept");
        return await d.CompleteAsync(c, "Dispatch", "Dispatch");
    }

    private static Task<JsonNode> WaitForSlaAsync(CaseDriver d, string caseId, string sla) =>
        RestartTests.WaitForAsync(() => d.CaseAsync(caseId),
            c => CaseDriver.OpenItem(c, "Handle")["sla"]!.GetValue<string>() == sla, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_few_seconds_limit_warns_and_goes_overdue_for_real_across_a_restart()
    {
        string folder, restartedCase;
        using (var app = new GridCaseApp { KeepData = true })
        {
            folder = app.DataFolder;
            var code = await ShortLimitItemAsync(app, "PT4S");
            var d = new CaseDriver(app);

            var c = await ToHandleAsync(d, code);
            var handle = CaseDriver.OpenItem(c, "Handle");
            Assert.Equal(4, (handle["dueAt"]!.GetValue<DateTimeOffset>() - handle["createdAt"]!.GetValue<DateTimeOffset>()).TotalSeconds, 3);
            var caseId = c["id"]!.GetValue<string>();
            var warned = await WaitForSlaAsync(d, caseId, "Warning");
            Assert.Equal("Warning", CaseDriver.OpenItem(warned, "Handle")["sla"]!.GetValue<string>());
            var overdue = await WaitForSlaAsync(d, caseId, "Overdue");
            Assert.Equal("Overdue", CaseDriver.OpenItem(overdue, "Handle")["sla"]!.GetValue<string>());

            // Another case whose timers are still pending when the host stops.
            restartedCase = (await ToHandleAsync(d, code))["id"]!.GetValue<string>();
        }

        using var restarted = GridCaseApp.Restart(folder);
        var driver = new CaseDriver(restarted);
        var after = await WaitForSlaAsync(driver, restartedCase, "Overdue");
        Assert.Equal("Overdue", CaseDriver.OpenItem(after, "Handle")["sla"]!.GetValue<string>());
        Assert.Equal(1, after["journal"]!.AsArray().Count(j => j!["event"]!.GetValue<string>() == "Warning"));
        Assert.Equal(1, after["journal"]!.AsArray().Count(j => j!["event"]!.GetValue<string>() == "Overdue"));
    }
}
