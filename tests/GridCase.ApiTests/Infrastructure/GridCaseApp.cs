using GridCase.Host.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GridCase.ApiTests.Infrastructure;

/// <summary>
/// The real Host over HTTP, on its own SQLite file in a fresh data folder (or its own PostgreSQL database),
/// seeded like a first start.
/// </summary>
public class GridCaseApp : WebApplicationFactory<Program>
{
    public GridCaseApp() : this(null) { }

    /// <param name="dataFolder">An earlier host's folder, to start again on the same database (a restart); it is then kept.</param>
    /// <param name="postgreSql">A PostgreSQL connection string to run on instead of the SQLite file.</param>
    protected GridCaseApp(string? dataFolder, string? postgreSql = null)
    {
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "gridcase-tests", Guid.NewGuid().ToString("N"));
        KeepData = dataFolder is not null;
        PostgreSql = postgreSql;
    }

    /// <summary>A new host on an earlier host's data folder and database, with its settings: a restart. The folder is removed with it.</summary>
    public static GridCaseApp Restart(GridCaseApp earlier) =>
        new(earlier.DataFolder, earlier.PostgreSql) { KeepData = false, Settings = new(earlier.Settings) };

    public string DataFolder { get; }

    /// <summary>The host's PostgreSQL database; null when it runs on the SQLite file in <see cref="DataFolder"/>.</summary>
    public string? PostgreSql { get; }

    /// <summary>Leave the data folder behind on dispose, for a host that restarts on it.</summary>
    public bool KeepData { get; set; }

    /// <summary>Set before first use to run the host on a fake clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The host environment; "Development" is what <c>dotnet run</c> gives.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Configuration set before first use, over everything else (e.g. Demo:Seed, rate limits).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Diagnostics", "Error");
        if (PostgreSql is { } connection)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:GridCase", connection);
        }
        // The tests play the demo users; outside Development the demo is off unless asked for.
        builder.UseSetting("Demo:Seed", "true");
        // ...but not its cases, which every test would find in its lists; the demo's own test asks for them.
        builder.UseSetting("Demo:Cases", "false");
        // The suite signs in hundreds of times from one address; the throttle's own tests set their limits.
        builder.UseSetting("LoginRateLimit:PermitsPerClient", "1000000");
        builder.UseSetting("LoginRateLimit:PermitsPerUserName", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock)
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton(clock)));
    }

    public T Scoped<T>(Func<GridCaseDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<GridCaseDbContext>());
    }

    public ApiClient Client(string userName) => new(CreateClient(), userName);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // A finished class's idle connections would otherwise hold server slots for the rest of the run.
        if (PostgreSql is { } connection)
        {
            using var pooled = new Npgsql.NpgsqlConnection(connection);
            Npgsql.NpgsqlConnection.ClearPool(pooled);
        }
        if (!KeepData)
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
