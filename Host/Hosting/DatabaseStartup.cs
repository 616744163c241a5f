using GridCase.Host.Calendars;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Hosting;

/// <summary>Brings the database to the current migration, seeds an empty one (demo users or one bootstrap admin), and warms the in-memory directories.</summary>
public static class DatabaseStartup
{
    public static async Task InitializeAsync(IServiceProvider services, string provider, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        // Before anything touches the file: a second process on it stops here with a clear message.
        if (provider == "Sqlite") sp.GetRequiredService<SqliteFileLock>();
        var db = sp.GetRequiredService<GridCaseDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (provider == "Sqlite")
            // WAL lets readers go on while one writer commits; it stays set in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        await sp.GetRequiredService<OrgSeeder>().SeedAsync(cancellationToken);
        if (sp.GetRequiredService<DemoMode>().Enabled)
            await sp.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        else
            await sp.GetRequiredService<BootstrapAdmin>().SeedAsync(cancellationToken);
        await sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);

        await sp.GetRequiredService<ReferenceDataRefresh>().RefreshAsync(db, cancellationToken);
        // After the refresh: the demo cases are reported into the org tree and flows just loaded.
        if (sp.GetRequiredService<DemoMode>().Enabled && sp.GetRequiredService<IOptions<DemoOptions>>().Value.Cases != false)
            await sp.GetRequiredService<DemoCases>().SeedAsync(cancellationToken);
    }
}
