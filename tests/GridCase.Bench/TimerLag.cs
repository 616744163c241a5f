using GridCase.Load;
using Microsoft.Data.Sqlite;

namespace GridCase.Bench;

/// <summary>
/// How late the Host journals a warning or an overdue: each seeded work item's Warning and Overdue journal lines
/// against the instants it was seeded with. Read from the file after the Host stopped.
/// </summary>
public static class TimerLag
{
    public static async Task<(LatencySummary Lag, int Fired, int Expected)> ReadAsync(string databaseFile, string numberPrefix, int items,
        CancellationToken cancellationToken)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
        await db.OpenAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT j.Event, j.At, w.WarnAt, w.DueAt
            FROM Journal j
            JOIN Cases c ON c.Id = j.CaseId
            JOIN WorkItems w ON w.CaseId = j.CaseId AND w.ActivityId = j.ActivityId
            WHERE c.Number LIKE $prefix AND j.Event IN ('Warning', 'Overdue') AND w.WarnAt IS NOT NULL;
            """;
        command.Parameters.AddWithValue("$prefix", numberPrefix + "%");
        var lags = new LatencyRecorder();
        var fired = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var instant = reader.GetString(0) == "Warning" ? reader.GetInt64(2) : reader.GetInt64(3);
            lags.Add(TimeSpan.FromTicks(reader.GetInt64(1) - instant));
            fired++;
        }
        return (lags.Summarize(), fired, items * 2);
    }
}
