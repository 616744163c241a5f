using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Sensors;

/// <summary>
/// The shipped sensor-alert flow, bound to the Sensor channel: a smoke alert is accepted and dispatched to the grid's
/// duty team with nobody's hand on it, the team is notified and has 15 natural minutes, its after-photo closes the
/// case, which is assessed with no resident callback.
/// </summary>
public sealed class SensorAlertFlowTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly SensorDevices _devices = new(app);

    private DateTimeOffset Now => app.FakeClock.GetUtcNow();

    private static IEnumerable<string> Events(JsonNode @case) => @case["journal"]!.AsArray().Select(j => j!["event"]!.GetValue<string>());

    [Fact]
    public async Task A_smoke_alert_runs_to_closed_and_assessed_with_its_repeat_folded_and_a_wrong_key_refused()
    {
        Assert.Contains((await app.Client("policy").GetJsonAsync("/api/flow-bindings")).AsArray(),
            b => b!["channel"]?.GetValue<string>() == "Sensor" && b["definitionId"]!.GetValue<string>() == "sensor-alert");
        var (id, key) = await _devices.RegisterAsync("Smoke", gridCode: "JB0101G02");

        var alert = await SensorDevices.ReadAsync(await _devices.AlertAsync(key, SensorDevices.Alert(id, "Smoke", Now, 0.18)), HttpStatusCode.Created);
        var caseId = alert["caseId"]!.GetValue<string>();
        var duty = app.Client("duty.JB01DT");
        var @case = await duty.GetJsonAsync($"/api/cases/{caseId}");

        // Nobody accepted or dispatched it: the system did, to the duty team of the grid's subdistrict.
        Assert.Equal(("sensor-alert", "Handle", "JB01DT", "13.012"), (@case["workflow"]!["definitionId"]!.GetValue<string>(),
            @case["stage"]!.GetValue<string>(), @case["departmentCode"]!.GetValue<string>(), @case["itemCode"]!.GetValue<string>()));
        Assert.Equal(["Reported", "Accepted", "Dispatched", "Notified", "TaskCreated"], Events(@case));
        Assert.All(@case["journal"]!.AsArray().Skip(1), j => Assert.Equal("system", j!["actor"]!.GetValue<string>()));
        var handle = CaseDriver.OpenItem(@case, "Handle");
        Assert.Single(@case["openWorkItems"]!.AsArray());
        // The duty team's own handler (and handlers of the units above it, such as the subdistrict's enforcement officers).
        Assert.Contains("duty.JB01DT", handle["candidateUsers"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(("Natural", Now.AddMinutes(15)), (handle["calendar"]!.GetValue<string>(), handle["dueAt"]!.GetValue<DateTimeOffset>()));
        var inbox = (await duty.GetJsonAsync("/api/notifications"))["items"]!.AsArray();
        Assert.Contains(inbox, n => n!["caseId"]!.GetValue<string>() == caseId && n["title"]!.GetValue<string>().StartsWith("感知预警"));

        // The detector sounds again five minutes later: the same case, counted.
        app.FakeClock.Advance(TimeSpan.FromMinutes(5));
        var repeat = await SensorDevices.ReadAsync(await _devices.AlertAsync(key, SensorDevices.Alert(id, "Smoke", Now, 0.31)), HttpStatusCode.OK);
        Assert.Equal((caseId, 2), (repeat["caseId"]!.GetValue<string>(), repeat["alertCount"]!.GetValue<int>()));
        // A key that is not this device's writes nothing.
        var rows = _devices.Rows();
        await ApiClient.ProblemAsync(await _devices.AlertAsync(key[1..] + "x", SensorDevices.Alert(id, "Smoke", Now)), HttpStatusCode.Unauthorized);
        Assert.Equal(rows, _devices.Rows());

        // The team handles it on site: without the closure standard's photos it cannot say done; with them the case closes.
        var handleId = handle["id"]!.GetValue<string>();
        var refused = await ApiClient.ProblemAsync(await duty.CompleteAsync(handleId, "Complete", "已处置"), HttpStatusCode.BadRequest);
        Assert.Contains("AfterPhoto", refused["errors"]!["closureRequirements"]!.ToJsonString());
        app.FakeClock.Advance(TimeSpan.FromMinutes(6));
        foreach (var kind in new[] { "Before", "After" })
            await ApiClient.ReadAsync(await duty.UploadPhotoAsync(caseId, kind), HttpStatusCode.Created);
        await ApiClient.ReadAsync(await duty.CompleteAsync(handleId, "Complete", "厨房油烟触发烟感，已排除险情并复位"), HttpStatusCode.OK);

        @case = await app.Client("supervisor").GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(("Done", "Closed", "Resolved", 2), (@case["stage"]!.GetValue<string>(), @case["status"]!.GetValue<string>(),
            @case["resolution"]!.GetValue<string>(), @case["alertCount"]!.GetValue<int>()));
        Assert.True(@case["assessment"]!["onTime"]!.GetValue<bool>());
        Assert.Equal("Finished", @case["workflow"]!["status"]!.GetValue<string>());
        Assert.Empty(@case["openWorkItems"]!.AsArray());
        Assert.DoesNotContain(@case["journal"]!.AsArray(), j => j!["stage"]!.GetValue<string>() is "Evaluate" or "Verify");
        Assert.Equal(["TaskCompleted", "Closed", "Assessed", "Finished"], Events(@case).SkipWhile(e => e != "TaskCompleted"));

        // Closed: the next alert is a new matter, however soon it comes.
        var next = await SensorDevices.ReadAsync(await _devices.AlertAsync(key, SensorDevices.Alert(id, "Smoke", Now)), HttpStatusCode.Created);
        Assert.NotEqual(caseId, next["caseId"]!.GetValue<string>());
    }
}
