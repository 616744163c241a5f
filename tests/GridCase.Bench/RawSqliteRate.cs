using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace GridCase.Bench;

/// <summary>
/// The physical limit the completion row is compared with: one connection committing transactions the size of
/// one work-item completion (three rows updated — case, work item, workflow instance — and three inserted — the
/// next work item and two journal lines), on the same disk, in WAL with the provider's default synchronous, as the Host runs.
/// </summary>
public static class RawSqliteRate
{
    public static async Task<(double PerSecond, string Settings)> MeasureAsync(string folder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, "raw.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await Execute(connection, "CREATE TABLE IF NOT EXISTS Rows (Id INTEGER PRIMARY KEY, Kind TEXT NOT NULL, Body TEXT NOT NULL);", cancellationToken);
        // Rows the updates rewrite, sized like a case, a work item and an instance's state.
        string[] sizes = [new('c', 1200), new('w', 500), new('i', 1500)];
        for (var k = 0; k < sizes.Length; k++)
            await Execute(connection, $"INSERT OR REPLACE INTO Rows (Id, Kind, Body) VALUES ({k + 1}, 'fixed', '{sizes[k]}');", cancellationToken);

        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE Rows SET Body = $body WHERE Id = $id;";
        var updateBody = update.Parameters.Add("$body", SqliteType.Text);
        var updateId = update.Parameters.Add("$id", SqliteType.Integer);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Rows (Kind, Body) VALUES ('new', $body);";
        var insertBody = insert.Parameters.Add("$body", SqliteType.Text);
        string[] inserted = [new('n', 500), new('j', 200), new('k', 200)];

        var commits = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            update.Transaction = insert.Transaction = transaction;
            for (var k = 0; k < sizes.Length; k++)
            {
                updateId.Value = k + 1;
                updateBody.Value = sizes[k];
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            foreach (var body in inserted)
            {
                insertBody.Value = body;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            commits++;
        }
        var rate = commits / clock.Elapsed.TotalSeconds;
        var settings = $"journal_mode={await Scalar(connection, "PRAGMA journal_mode;", cancellationToken)}, " +
                       $"synchronous={await Scalar(connection, "PRAGMA synchronous;", cancellationToken)}";
        return (rate, settings);
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> Scalar(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
