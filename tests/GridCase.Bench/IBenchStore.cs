using GridCase.Load;

namespace GridCase.Bench;

/// <summary>What the table needs from the database the Host runs on: SQLite (the embedded default) or a PostgreSQL server.</summary>
public interface IBenchStore : IAsyncDisposable
{
    /// <summary>As the table names it: "SQLite" or "PostgreSQL".</summary>
    string Label { get; }

    /// <summary>Settings for each Host start of the run, so that it uses this database.</summary>
    IReadOnlyDictionary<string, string> HostEnvironment { get; }

    IBulkSeeder Seeder { get; }

    /// <summary>Row 5: how late each seeded deadline's Warning and Overdue were journaled.</summary>
    Task<(LatencySummary Lag, int Fired, int Expected)> TimerLagAsync(string numberPrefix, int items, CancellationToken cancellationToken);

    /// <summary>Row 7: the engine alone, in this process, on a fresh database of this kind.</summary>
    EngineAlone Engine { get; }

    /// <summary>Row 8: durable transactions of a completion's size on the same disk or server, and the settings they ran with.</summary>
    Task<(double PerSecond, string Settings)> RawRateAsync(TimeSpan duration, CancellationToken cancellationToken);
}
