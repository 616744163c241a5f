using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Persistence;

public static class PersistenceSetup
{
    public const string ConnectionName = "GridCase";

    /// <summary>Registers the provider's context as <see cref="GridCaseDbContext"/>; returns the provider name.</summary>
    public static string AddGridCaseDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connection = builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 } configured ? configured : null;
        switch (provider)
        {
            case "Sqlite":
                connection ??= DefaultSqlite(builder);
                builder.Services.AddSqliteDatabase(connection);
                break;
            case "SqlServer":
                if (string.IsNullOrEmpty(connection))
                    throw new InvalidOperationException("Database:Provider=SqlServer needs ConnectionStrings:GridCase");
                builder.Services.AddDbContextPool<GridCaseDbContext, SqlServerGridCaseDbContext>(o => o.UseSqlServer(connection));
                break;
            case "PostgreSql":
                if (string.IsNullOrEmpty(connection))
                    throw new InvalidOperationException("Database:Provider=PostgreSql needs ConnectionStrings:GridCase");
                builder.Services.AddDbContextPool<GridCaseDbContext, PostgreSqlGridCaseDbContext>(o => o.UseNpgsql(connection));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or PostgreSql, not {provider}");
        }
        return provider;
    }

    /// <summary>
    /// The embedded default: SQLite contexts from a pool (every request and unit of work takes one, and building a
    /// context from nothing was a tenth of a stimulus's CPU) and the lock that keeps other processes off the file.
    /// A pooled context goes back reset, and the group commit hands a unit its writer connection only for the unit.
    /// </summary>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, string connection) => services
        .AddDbContextPool<GridCaseDbContext, SqliteGridCaseDbContext>(o => o.UseSqlite(connection).AddInterceptors(new SqliteBusyTimeout()))
        .AddSingleton(_ => new SqliteFileLock(connection));

    /// <summary>A file under the data folder, created on first start.</summary>
    private static string DefaultSqlite(WebApplicationBuilder builder)
    {
        var folder = DataFolder(builder.Configuration, builder.Environment);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "gridcase.db") }.ToString();
    }

    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Data:Folder"] ?? Path.Combine(environment.ContentRootPath, "data"));
}
