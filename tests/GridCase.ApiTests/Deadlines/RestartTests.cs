using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Deadlines;

/// <summary>Hangfire's in-memory storage forgets its jobs with the process; the database must not.</summary>
public sealed class RestartTests
{
    internal static async Task<JsonNode> WaitForAsync(Func<Task<JsonNode>> read, Func<JsonNode, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task A_timer_pending_at_shutdown_fires_after_the_restart()
    {
        string folder, caseId;
        DateTimeOffset dueAt;
        using (var first = new ClockedApp())
        {
            first.KeepData = true;
            folder = first.DataFolder;
            var d = new CaseDriver(first);
            var c = await d.ToHandleAsync(TestCatalog.PlainItem(first).Code);
            caseId = c["id"]!.GetValue<string>();
            dueAt = CaseDriver.OpenItem(c, "Handle")["dueAt"]!.GetValue<DateTimeOffset>();
        }

        // A new process on the same database file, started after the deadline passed.
        using var second = ClockedApp.Restart(folder, dueAt.AddMinutes(1));
        second.KeepData = false;
        var driver = new CaseDriver(second);
        var after = await WaitForAsync(() => driver.CaseAsync(caseId),
            c => CaseDriver.OpenItem(c, "Handle")["sla"]!.GetValue<string>() == "Overdue", TimeSpan.FromSeconds(30));

        Assert.Equal("Overdue", CaseDriver.OpenItem(after, "Handle")["sla"]!.GetValue<string>());
        Assert.Equal(1, after["journal"]!.AsArray().Count(j => j!["event"]!.GetValue<string>() == "Overdue"));
    }
}
