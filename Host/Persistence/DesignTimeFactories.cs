using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GridCase.Host.Persistence;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGridCaseDbContext>
{
    public SqliteGridCaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGridCaseDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerGridCaseDbContext>
{
    public SqlServerGridCaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerGridCaseDbContext>().UseSqlServer("Server=design;Database=GridCase;TrustServerCertificate=true").Options);
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlGridCaseDbContext>
{
    public PostgreSqlGridCaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlGridCaseDbContext>().UseNpgsql("Host=design;Database=gridcase").Options);
}
