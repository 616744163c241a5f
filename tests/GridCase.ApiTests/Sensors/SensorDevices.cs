using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Sensors;

/// <summary>Registers devices as the admin and sends their alerts with their keys, as a sensor gateway would.</summary>
public sealed class SensorDevices(GridCaseApp app)
{
    public async Task<(string DeviceId, string Key)> RegisterAsync(string kind, string gridCode = "JB0101G01", string? deviceId = null)
    {
        var registered = await ApiClient.ReadAsync(await app.Client("admin").PostAsync("/api/devices", new
        {
            deviceId, kind, gridCode, location = new { lat = 30.21, lng = 120.105, address = "滨江路 18 号 3 单元" },
        }), HttpStatusCode.Created);
        return (registered["device"]!["deviceId"]!.GetValue<string>(), registered["deviceKey"]!.GetValue<string>());
    }

    public async Task<HttpResponseMessage> AlertAsync(string? key, object body, bool asHeader = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts") { Content = JsonContent.Create(body) };
        if (key is not null && asHeader) request.Headers.Add("X-Device-Key", key);
        else if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", $"Device {key}");
        return await app.CreateClient().SendAsync(request);
    }

    public static object Alert(string deviceId, string kind, DateTimeOffset observedAt, double? value = null, string? photoUrl = null) =>
        new { deviceId, kind, value, observedAt, photoUrl };

    /// <summary>
    /// Rows an alert writes, which a wrong alert must leave as they were: a case, its series, or a fold into an open case. Not every journal line: timers of cases an
    /// earlier test left open (after it moved the fake clock) may journal warnings while a test runs.
    /// </summary>
    public int Rows() => app.Scoped(db => db.Cases.Count() + db.AlertSeries.Count()
        + db.Journal.Count(j => j.Event == "Reported" || j.Event == "AlertRepeated"));

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected) => await ApiClient.ReadAsync(response, expected);
}
