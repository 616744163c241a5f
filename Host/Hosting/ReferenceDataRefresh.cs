using GridCase.Host.Calendars;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Hosting;

/// <summary>
/// Keeps this node's org tree and calendars as fresh as the database. An edit on any node writes a new
/// <see cref="CacheStamp"/>; here, once a second, the two stamp rows are read and whatever moved is
/// reloaded — one small query per second per node instead of a reload per request.
/// </summary>
public sealed class ReferenceDataRefresh(IServiceScopeFactory scopes, OrgDirectory org, CalendarService calendars, ILogger<ReferenceDataRefresh> log)
    : BackgroundService
{
    /// <summary>Real time, not the app's clock: a test's frozen clock must not stop the refresh.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Guid> _loaded = [];

    /// <summary>Writes a new stamp for <paramref name="name"/>; saved with the caller's edit.</summary>
    public static async Task StampAsync(GridCaseDbContext db, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamp = await db.CacheStamps.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (stamp is null) db.CacheStamps.Add(stamp = new CacheStamp { Name = name });
        stamp.Version = Guid.NewGuid();
        stamp.ChangedAt = now;
    }

    /// <summary>Loads both caches with the stamps they were loaded at; at startup and whenever a stamp moved.</summary>
    public async Task RefreshAsync(GridCaseDbContext db, CancellationToken cancellationToken)
    {
        // The stamps are read first: an edit landing in between only makes the next round load again.
        var stamps = await db.CacheStamps.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Version, cancellationToken);
        if (Moved(stamps, CacheStamp.Org)) await org.LoadAsync(db, cancellationToken);
        if (Moved(stamps, CacheStamp.Org) || Moved(stamps, CacheStamp.Calendars)) await calendars.LoadAsync(db, cancellationToken);
        lock (_loaded)
        {
            _loaded.Clear();
            foreach (var (name, version) in stamps) _loaded[name] = version;
            _loaded[Startup] = Guid.Empty;
        }
    }

    private const string Startup = "";

    private bool Moved(Dictionary<string, Guid> stamps, string name)
    {
        lock (_loaded)
            return !_loaded.ContainsKey(Startup) || stamps.GetValueOrDefault(name) != _loaded.GetValueOrDefault(name);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await RefreshAsync(scope.ServiceProvider.GetRequiredService<GridCaseDbContext>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is briefly away: the caches stay as they were, and the next round tries again.
                log.LogWarning(e, "could not check the org and calendar stamps");
            }
        }
    }
}
