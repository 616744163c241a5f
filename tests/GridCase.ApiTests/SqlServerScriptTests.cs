using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GridCase.ApiTests;

/// <summary>SQL Server cannot run on this machine; its migrations must at least produce the whole schema.</summary>
public sealed class SqlServerScriptTests
{
    [Fact]
    public void The_sql_server_migrations_script_creates_every_table()
    {
        var options = new DbContextOptionsBuilder<SqlServerGridCaseDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=GridCase;TrustServerCertificate=true").Options;
        using var db = new SqlServerGridCaseDbContext(options);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Where(t => t is not null).Distinct())
            Assert.Contains($"CREATE TABLE [{table}]", script);
        Assert.Contains("datetimeoffset", script);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a new SQL Server migration");
    }

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteGridCaseDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteGridCaseDbContext(options);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a new SQLite migration");
    }
}
