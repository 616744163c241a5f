using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridCase.Host.Persistence;

/// <summary>A write refused by a unique index: on every provider, somebody wrote the same thing first.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19, SqliteConstraintUnique = 2067, SqliteConstraintPrimaryKey = 1555;

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteConstraint && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException e => e.Number is 2601 or 2627,
        _ => false,
    };
}
