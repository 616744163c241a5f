using GridCase.ApiTests.Infrastructure;
using Hangfire;

namespace GridCase.ApiTests.Deadlines;

/// <summary>
/// With in-memory Hangfire storage the host holds only the next <c>Timers:Horizon</c> of deadlines as jobs; a later one is
/// brought in from the database by the minutely horizon load. Real clock, no fake: the recurring safety-net sweep is switched
/// off here, so only the horizon can fire the deadline.
/// </summary>
public sealed class TimerHorizonTests
{
    [Fact]
    public async Task A_deadline_beyond_the_horizon_warns_and_goes_overdue_once_on_a_host_started_after_it_was_set()
    {
        var first = new GridCaseApp
        {
            KeepData = true,
            Settings = { ["Timers:Horizon"] = "00:01:10", ["Timers:SweepCron"] = Cron.Never() },
        };
        string caseId;
        using (first)
        {
            // Due 100 s after the Handle task opens (warning at 80 s): past the restarted host's first window, which ends 70 s after its start.
            var code = await RealTimeTimerTests.ShortLimitItemAsync(first, "PT100S");
            caseId = (await new CaseDriver(first).ToHandleAsync(code))["id"]!.GetValue<string>();
        }

        using var second = GridCaseApp.Restart(first);
        var d = new CaseDriver(second);
        var after = await RestartTests.WaitForAsync(() => d.CaseAsync(caseId),
            c => CaseDriver.OpenItem(c, "Handle")["sla"]!.GetValue<string>() == "Overdue", TimeSpan.FromMinutes(3));

        Assert.Equal("Overdue", CaseDriver.OpenItem(after, "Handle")["sla"]!.GetValue<string>());
        Assert.Equal(["Warning", "Overdue"],
            after["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>()).Where(e => e is "Warning" or "Overdue"));
    }
}
