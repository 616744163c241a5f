using GridCase.Load;

namespace GridCase.Bench;

/// <summary>The Host's shipped default: a SQLite file in the run's folder, which goes with the folder.</summary>
public sealed class SqliteBenchStore(string folder) : IBenchStore
{
    private string DatabaseFile => Path.Combine(folder, "gridcase.db");

    public string Label => "SQLite";

    public IReadOnlyDictionary<string, string> HostEnvironment { get; } = new Dictionary<string, string>();

    public IBulkSeeder Seeder => new BulkSeeder(DatabaseFile);

    public EngineAlone Engine => new(folder);

    public Task<(LatencySummary Lag, int Fired, int Expected)> TimerLagAsync(string numberPrefix, int items, CancellationToken cancellationToken) =>
        TimerLag.ReadAsync(DatabaseFile, numberPrefix, items, cancellationToken);

    public Task<(double PerSecond, string Settings)> RawRateAsync(TimeSpan duration, CancellationToken cancellationToken) =>
        RawSqliteRate.MeasureAsync(folder, duration, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
