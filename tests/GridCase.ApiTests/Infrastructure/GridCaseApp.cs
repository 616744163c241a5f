using GridCase.Host.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GridCase.ApiTests.Infrastructure;

/// <summary>
/// The real Host over HTTP, on its own SQLite file in a fresh data folder, seeded like a first start.
/// </summary>
public class GridCaseApp : WebApplicationFactory<Program>
{
    public GridCaseApp() : this(null) { }

    /// <param name="dataFolder">An earlier host's folder, to start again on the same database (a restart); it is then kept.</param>
    protected GridCaseApp(string? dataFolder)
    {
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "gridcase-tests", Guid.NewGuid().ToString("N"));
        KeepData = dataFolder is not null;
    }

    /// <summary>A new host on an earlier host's database file: a restart. The folder is removed with it.</summary>
    public static GridCaseApp Restart(string dataFolder) => new(dataFolder) { KeepData = false };

    public string DataFolder { get; }

    /// <summary>Leave the data folder behind on dispose, for a host that restarts on it.</summary>
    public bool KeepData { get; set; }

    /// <summary>Set before first use to run the host on a fake clock.</summary>
    public TimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Diagnostics", "Error");
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
        if (!KeepData)
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
