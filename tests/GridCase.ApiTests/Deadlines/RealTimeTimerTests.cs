using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Deadlines;

/// <summary>
/// No fake clock: a catalog item on a natural limit of a few seconds, and real Hangfire jobs fire the
/// warning and the overdue — also for a work item whose host was stopped and started again in between.
/// Each provider runs this in a subclass, on its own Hangfire storage.
/// </summary>
public abstract class RealTimeTimerTests
{
    /// <summary>A host on a new database.</summary>
    protected abstract GridCaseApp NewApp();

    /// <summary>The plain test item on a natural limit of <paramref name="limit"/> (ISO-8601): its work items warn at 80 % of it.</summary>
    internal static async Task<string> ShortLimitItemAsync(GridCaseApp app, string limit)
    {
        var code = TestCatalog.PlainItem(app).Code;
        var policy = app.Client("policy");
        var item = (await policy.GetJsonAsync($"/api/catalog/items/{code}")).AsObject();
        item["timeLimit"] = limit;
        item["calendar"] = "Natural";
        await ApiClient.ReadAsync(await policy.PutAsync($"/api/catalog/items/{code}", item), HttpStatusCode.OK);
        return code;
    }

    private static Task<JsonNode> WaitForSlaAsync(CaseDriver d, string caseId, string sla) =>
        RestartTests.WaitForAsync(() => d.CaseAsync(caseId),
            c => CaseDriver.OpenItem(c, "Handle")["sla"]!.GetValue<string>() == sla, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_few_seconds_limit_warns_and_goes_overdue_for_real_across_a_restart()
    {
        string restartedCase;
        var first = NewApp();
        first.KeepData = true;
        using (var app = first)
        {
            var code = await ShortLimitItemAsync(app, "PT4S");
            var d = new CaseDriver(app);

            var c = await d.ToHandleAsync(code);
            var handle = CaseDriver.OpenItem(c, "Handle");
            Assert.Equal(4, (handle["dueAt"]!.GetValue<DateTimeOffset>() - handle["createdAt"]!.GetValue<DateTimeOffset>()).TotalSeconds, 3);
            var caseId = c["id"]!.GetValue<string>();
            var overdue = await WaitForSlaAsync(d, caseId, "Overdue");
            Assert.Equal("Overdue", CaseDriver.OpenItem(overdue, "Handle")["sla"]!.GetValue<string>());
            AssertWarnedThenOverdueOnce(overdue);

            // Another case whose timers are still pending when the host stops.
            restartedCase = (await d.ToHandleAsync(code))["id"]!.GetValue<string>();
        }

        using var restarted = GridCaseApp.Restart(first);
        var driver = new CaseDriver(restarted);
        var after = await WaitForSlaAsync(driver, restartedCase, "Overdue");
        Assert.Equal("Overdue", CaseDriver.OpenItem(after, "Handle")["sla"]!.GetValue<string>());
        AssertWarnedThenOverdueOnce(after);
    }

    [Fact]
    public async Task A_warned_item_extended_for_real_warns_again_and_goes_overdue()
    {
        using var app = NewApp();
        var code = await ShortLimitItemAsync(app, "PT30S");
        var d = new CaseDriver(app);
        var c = await d.ToHandleAsync(code);
        var handle = CaseDriver.OpenItem(c, "Handle");
        var caseId = c["id"]!.GetValue<string>();
        await WaitForSlaAsync(d, caseId, "Warning");

        var handler = handle["candidateUsers"]!.AsArray()[0]!.GetValue<string>();
        var request = await ApiClient.ReadAsync(await d.As(handler).PostAsync($"/api/work-items/{handle["id"]}/extension-requests",
            new { reason = "需协调施工单位", newDueAt = handle["dueAt"]!.GetValue<DateTimeOffset>().AddSeconds(15) }), HttpStatusCode.Created);
        await ApiClient.ReadAsync(await d.As("dispatcher").PostAsync($"/api/extension-requests/{request["id"]}/approve", new { comment = "同意" }), HttpStatusCode.OK);
        Assert.Equal("Normal", CaseDriver.OpenItem(await d.CaseAsync(caseId), "Handle")["sla"]!.GetValue<string>());

        var overdue = await RestartTests.WaitForAsync(() => d.CaseAsync(caseId),
            x => CaseDriver.OpenItem(x, "Handle")["sla"]!.GetValue<string>() == "Overdue", TimeSpan.FromSeconds(60));
        Assert.Equal(["Warning", "ExtensionApproved", "Warning", "Overdue"],
            overdue["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()).Where(e => e is "Warning" or "Overdue" or "ExtensionApproved"));
    }

    /// <summary>
    /// Both jobs round up to whole seconds and can run in the same scheduler tick, so the Warning state may
    /// last less than one poll: the journal, not a glimpse of the state, shows that each fired once, in order.
    /// </summary>
    private static void AssertWarnedThenOverdueOnce(JsonNode c) =>
        Assert.Equal(["Warning", "Overdue"],
            c["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()).Where(e => e is "Warning" or "Overdue"));
}

public sealed class SqliteRealTimeTimerTests : RealTimeTimerTests
{
    protected override GridCaseApp NewApp() => new();
}
