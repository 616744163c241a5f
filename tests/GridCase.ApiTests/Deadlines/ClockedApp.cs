using GridCase.ApiTests.Infrastructure;
using GridCase.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCase.ApiTests.Deadlines;

/// <summary>A host on a fake clock that starts on a Monday morning in Beijing time.</summary>
public class ClockedApp : GridCaseApp
{
    public static readonly DateTimeOffset Monday0900 = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    public ClockedApp() : this(null, Monday0900) { }

    /// <summary>On a PostgreSQL database instead of a SQLite file.</summary>
    protected ClockedApp(string postgreSql) : this(null, Monday0900, postgreSql) { }

    private ClockedApp(string? dataFolder, DateTimeOffset start, string? postgreSql = null) : base(dataFolder, postgreSql)
    {
        FakeClock = new FakeTimeProvider(start);
        Clock = FakeClock;
    }

    public FakeTimeProvider FakeClock { get; }

    /// <summary>A new host on an earlier host's database file, its clock at <paramref name="start"/>.</summary>
    public static ClockedApp Restart(string dataFolder, DateTimeOffset start) => new(dataFolder, start);

    /// <summary>What the minutely recurring job does, run now instead of waiting for it.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunAsync(CancellationToken.None);
    }
}
