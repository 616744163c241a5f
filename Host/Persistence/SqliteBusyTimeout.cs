using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridCase.Host.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock, in steps of a few milliseconds. Without it the ADO.NET
/// provider retries a busy database in 150 ms sleeps, which puts a second-long tail on concurrent completions.
/// Set through the C API rather than a PRAGMA statement: EF opens a connection for nearly every query, and a
/// statement to prepare and run on each open costs more than the queries it guards.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const int Milliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var result = SQLitePCL.raw.sqlite3_busy_timeout(((SqliteConnection)connection).Handle, Milliseconds);
        if (result != SQLitePCL.raw.SQLITE_OK) throw new SqliteException($"sqlite3_busy_timeout failed ({result})", result);
    }
}
