using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GridCase.ApiTests;

/// <summary>
/// SQL Server cannot run on this machine; its migrations must at least produce the whole schema. Every
/// provider's migrations must match the model.
/// </summary>
public sealed class SqlServerScriptTests
{
    [Fact]
    public void The_sql_server_migrations_script_creates_every_table()
    {
        var options = new DbContextOptionsBuilder<SqlServerGridCaseDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=GridCase;TrustServerCertificate=true").Options;
        using var db = new SqlServerGridCaseDbContext(options);
        AssertScriptCreatesTheModel(db, table => $"CREATE TABLE [{table}]", "datetimeoffset", "SQL Server");
    }

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteGridCaseDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteGridCaseDbContext(options);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a new SQLite migration");
    }

    [Fact]
    public void The_postgresql_migrations_script_creates_every_table()
    {
        // Offline like SQL Server's: the API tests run these migrations on a real server too.
        var options = new DbContextOptionsBuilder<PostgreSqlGridCaseDbContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=gridcase").Options;
        using var db = new PostgreSqlGridCaseDbContext(options);
        AssertScriptCreatesTheModel(db, table => $"CREATE TABLE \"{table}\"", "timestamp with time zone", "PostgreSQL");
    }

    private static void AssertScriptCreatesTheModel(GridCaseDbContext db, Func<string, string> createTable, string instantType, string provider)
    {
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
            Assert.Contains(createTable(table), script);
        Assert.Contains(instantType, script);
        Assert.False(db.Database.HasPendingModelChanges(), $"the model changed without a new {provider} migration");
    }
}
