using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridCase.Host.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock, in steps of a few milliseconds. Without it the ADO.NET
/// provider retries a busy database in 150 ms sleeps, which puts a second-long tail on concurrent completions.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
