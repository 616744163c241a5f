using GridCase.Load;
using Microsoft.Data.Sqlite;

namespace GridCase.Bench;

/// <summary>
/// How late the Host journals a warning or an overdue: each seeded work item's Warning and Overdue journal lines
/// against the instants it was seeded with. Read from the file after the Host stopped. A line is matched to its work
/// item by activity and by the seeded window of warning instants, so lines of the copies' other (closed) work items
/// are not counted; a second line of the same level for one work item is counted apart, as a double firing.
/// </summary>
public static class TimerLag
{
    public static async Task<(LatencySummary Lag, int Fired, int Expected, int Twice)> ReadAsync(string databaseFile, string numberPrefix, int items,
        DateTimeOffset firstWarning, DateTimeOffset lastWarning, CancellationToken cancellationToken)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
        await db.OpenAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT j.Event, j.At, w.WarnAt, w.DueAt, w.Id
            FROM Journal j
            JOIN Cases c ON c.Id = j.CaseId
            JOIN WorkItems w ON w.CaseId = j.CaseId AND w.ActivityId = j.ActivityId
            WHERE c.Number LIKE $prefix AND j.Event IN ('Warning', 'Overdue') AND w.WarnAt BETWEEN $first AND $last;
            """;
        command.Parameters.AddWithValue("$prefix", numberPrefix + "%");
        command.Parameters.AddWithValue("$first", firstWarning.UtcTicks);
        command.Parameters.AddWithValue("$last", lastWarning.UtcTicks);
        var lags = new LatencyRecorder();
        var fired = new HashSet<(string WorkItem, string Level)>();
        var twice = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!fired.Add((reader.GetString(4), reader.GetString(0))))
            {
                twice++;
                continue;
            }
            var instant = reader.GetString(0) == "Warning" ? reader.GetInt64(2) : reader.GetInt64(3);
            lags.Add(TimeSpan.FromTicks(reader.GetInt64(1) - instant));
        }
        return (lags.Summarize(), fired.Count, items * 2, twice);
    }
}
