using System.Net;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests.Sensors;

/// <summary>Devices registered by an admin report cases with their keys; repeats fold into the open case.</summary>
public sealed class DeviceAlertTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly SensorDevices _devices = new(app);

    private DateTimeOffset Now => app.FakeClock.GetUtcNow();

    [Fact]
    public async Task An_admin_registers_a_device_whose_key_is_shown_once_and_stored_only_hashed()
    {
        var (id, key) = await _devices.RegisterAsync("Smoke", deviceId: "SMK-0001");
        Assert.Equal(43, key.Length);
        var listed = await app.Client("admin").GetJsonAsync("/api/devices");
        var device = listed["items"]!.AsArray().Single(d => d!["deviceId"]!.GetValue<string>() == id)!;
        Assert.Equal(("Smoke", "JB0101G01", "滨江路 18 号 3 单元"),
            (device["kind"]!.GetValue<string>(), device["gridCode"]!.GetValue<string>(), device["location"]!["address"]!.GetValue<string>()));
        Assert.DoesNotContain(key, listed.ToJsonString());
        var stored = app.Scoped(db => db.Devices.Single(d => d.DeviceId == id).KeyHash);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), stored);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client("acceptor").PostAsync("/api/devices", new { kind = "Smoke", gridCode = "JB0101G01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client("acceptor").GetAsync("/api/devices")).StatusCode);
        var problem = await ApiClient.ProblemAsync(await app.Client("admin").PostAsync("/api/devices", new { deviceId = "坏 id", kind = "Fog", gridCode = "JB99" }), HttpStatusCode.BadRequest);
        Assert.Equal(["deviceId", "gridCode", "kind"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        await ApiClient.ProblemAsync(await app.Client("admin").PostAsync("/api/devices", new { deviceId = id, kind = "Smoke", gridCode = "JB0101G01" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_alert_reports_a_sensor_case_at_the_devices_grid_and_its_repeats_fold_into_it_until_the_window_passes()
    {
        var (id, key) = await _devices.RegisterAsync("WaterLevel", gridCode: "JB0201G01");
        var first = await SensorDevices.ReadAsync(await _devices.AlertAsync(key, SensorDevices.Alert(id, "WaterLevel", Now, 0.42, "https://iot.example/p/1.jpg")), HttpStatusCode.Created);
        Assert.False(first["folded"]!.GetValue<bool>());
        var caseId = first["caseId"]!.GetValue<string>();
        var @case = await app.Client("supervisor").GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(("Sensor", "JB0201G01", "09.008", 1), (@case["channel"]!.GetValue<string>(), @case["gridCode"]!.GetValue<string>(),
            @case["itemCode"]!.GetValue<string>(), @case["alertCount"]!.GetValue<int>()));
        Assert.Equal((30.21, "滨江路 18 号 3 单元"), (@case["location"]!["lat"]!.GetValue<double>(), @case["location"]!["address"]!.GetValue<string>()));
        Assert.Contains("0.42", @case["description"]!.GetValue<string>());
        Assert.Contains("https://iot.example/p/1.jpg", @case["description"]!.GetValue<string>());
        Assert.Equal($"device:{id}", @case["journal"]![0]!["actor"]!.GetValue<string>());

        // 29 minutes later, through the other header: folded, counted and journaled.
        app.FakeClock.Advance(TimeSpan.FromMinutes(29));
        var repeat = await SensorDevices.ReadAsync(await _devices.AlertAsync(key, SensorDevices.Alert(id, "WaterLevel", Now, 0.61), asHeader: true), HttpStatusCode.OK);
        Assert.Equal((caseId, true, 2), (repeat["caseId"]!.GetValue<string>(), repeat["folded"]!.GetValue<bool>(), repeat["alertCount"]!.GetValue<int>()));
        @case = await app.Client("supervisor").GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(2, @case["alertCount"]!.GetValue<int>());
        var journaled = @case["journal"]!.AsArray().Single(j => j!["event"]!.GetValue<string>() == "AlertRepeated")!;
        Assert.Contains("0.61", journaled["comment"]!.GetValue<string>());

        // Another kind from the same device is another matter.
        var other = await SensorDevices.ReadAsync(await _devices.AlertAsync(key, SensorDevices.Alert(id, "Smoke", Now)), HttpStatusCode.Created);
        Assert.NotEqual(caseId, other["caseId"]!.GetValue<string>());

        // The window runs from the last alert: 31 minutes of silence, and the next one opens a new case.
        app.FakeClock.Advance(TimeSpan.FromMinutes(31));
        var later = await SensorDevices.ReadAsync(await _devices.AlertAsync(key, SensorDevices.Alert(id, "WaterLevel", Now)), HttpStatusCode.Created);
        Assert.NotEqual(caseId, later["caseId"]!.GetValue<string>());
        Assert.Equal(1, later["alertCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_wrong_missing_or_other_devices_key_is_401_and_a_bad_body_400_and_neither_writes_anything()
    {
        var (id, key) = await _devices.RegisterAsync("ManholeCoverTilt");
        var (otherId, otherKey) = await _devices.RegisterAsync("ManholeCoverTilt");
        var rows = _devices.Rows();
        var good = SensorDevices.Alert(id, "ManholeCoverTilt", Now, 12.5);

        foreach (var wrong in new[] { null, "", key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), otherKey[..10] })
            await ApiClient.ProblemAsync(await _devices.AlertAsync(wrong, good), HttpStatusCode.Unauthorized);
        await ApiClient.ProblemAsync(await _devices.AlertAsync(otherKey, good), HttpStatusCode.Unauthorized);
        await ApiClient.ProblemAsync(await _devices.AlertAsync(otherKey, good, asHeader: true), HttpStatusCode.Unauthorized);
        // A user's bearer token is no device key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client("admin").PostAsync("/api/alerts", good)).StatusCode);

        var problem = await ApiClient.ProblemAsync(await _devices.AlertAsync(key, new { deviceId = id, kind = "Fog", value = (double?)null, photoUrl = "ftp://x" }), HttpStatusCode.BadRequest);
        Assert.Equal(["kind", "observedAt", "photoUrl"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        await ApiClient.ProblemAsync(await _devices.AlertAsync(key, SensorDevices.Alert(id, "ManholeCoverTilt", Now.AddHours(1))), HttpStatusCode.BadRequest);
        Assert.Equal(rows, _devices.Rows());
        Assert.NotEqual(id, otherId);
    }

    [Fact]
    public void Every_alert_kind_maps_to_a_current_item_the_sensor_flow_can_close_on_the_duty_teams_evidence()
    {
        var kinds = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GridCase.Host.Alerts.AlertOptions>>().Value;
        Assert.Equal(["ElectricBikeCharging", "ElevatorTrapped", "ManholeCoverTilt", "Smoke", "WaterLevel"], kinds.KindNames);
        foreach (var kind in kinds.KindNames)
        {
            var code = kinds.ItemOf(kind);
            var item = app.Scoped(db => db.CatalogItems.SingleOrDefault(i => i.Code == code && i.IsCurrent));
            Assert.True(item is not null, $"{kind} → {code} is no current item");
            Assert.Contains(GridCase.Domain.Catalog.ClosureRequirement.AfterPhoto, item.ClosureRequirements);
            Assert.DoesNotContain(item.ClosureRequirements, r => r is GridCase.Domain.Catalog.ClosureRequirement.VerificationPass or GridCase.Domain.Catalog.ClosureRequirement.ResidentCallback);
        }
    }

    [Fact]
    public async Task Concurrent_duplicate_alerts_make_one_case_that_counts_them_all()
    {
        var (id, key) = await _devices.RegisterAsync("ElectricBikeCharging");
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _devices.AlertAsync(key, SensorDevices.Alert(id, "ElectricBikeCharging", Now))));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{a.StatusCode}"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var cases = app.Scoped(db => db.Cases.Where(c => c.ReportedBy == $"device:{id}").Select(c => c.AlertCount).ToList());
        Assert.Equal(12, Assert.Single(cases));
    }
}
