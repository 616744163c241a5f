using System.Net;
using GridCase.ApiTests.Sensors;

namespace GridCase.ApiTests.PostgreSql;

/// <summary>
/// Duplicate alerts of one device at the same moment on a server database, where no write gate queues them: they
/// race to insert the device's alert series, the losers' unique-key violation makes them decide again and fold.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAlertRaceTests(PostgreSqlClockedApp app) : IClassFixture<PostgreSqlClockedApp>
{
    [Fact]
    public async Task Concurrent_duplicate_alerts_make_one_case_that_counts_them_all()
    {
        var devices = new SensorDevices(app);
        var (id, key) = await devices.RegisterAsync("ElevatorTrapped");
        var now = app.FakeClock.GetUtcNow();
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => devices.AlertAsync(key, SensorDevices.Alert(id, "ElevatorTrapped", now))));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{a.StatusCode}"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var counts = app.Scoped(db => db.Cases.Where(c => c.ReportedBy == $"device:{id}").Select(c => c.AlertCount).ToList());
        Assert.Equal(12, Assert.Single(counts));
    }
}
