using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Catalog;

/// <summary>
/// Holds the suggestion index for the whole process. Every catalog write adds a row, so the highest row id tells
/// whether the catalog changed: one indexed lookup per request keeps the index current even when another Host
/// node made the change. Writers on this node rebuild right after saving, so acceptors never wait for it.
/// </summary>
public sealed class CatalogSuggester
{
    public const int MaxSuggestions = 5;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Built? _built;

    private sealed record Built(long Stamp, SuggestIndex Index);

    public async Task<IReadOnlyList<CatalogSuggestionDto>> SuggestAsync(GridCaseDbContext db, string text, CancellationToken cancellationToken)
    {
        var index = await CurrentAsync(db, cancellationToken);
        return index.Suggest(text, MaxSuggestions);
    }

    /// <summary>Rebuilds from the database now; called after this node changed the catalog.</summary>
    public async Task RebuildAsync(GridCaseDbContext db, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _built = await BuildAsync(db, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SuggestIndex> CurrentAsync(GridCaseDbContext db, CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(db, cancellationToken);
        if (_built is { } built && built.Stamp == stamp) return built.Index;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have rebuilt while this one waited.
            if (_built is { } again && again.Stamp >= stamp) return again.Index;
            var fresh = await BuildAsync(db, cancellationToken);
            _built = fresh;
            return fresh.Index;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<Built> BuildAsync(GridCaseDbContext db, CancellationToken cancellationToken)
    {
        // The stamp is read before the items, so a write landing in between makes the next request rebuild again.
        var stamp = await StampAsync(db, cancellationToken);
        var items = await db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent).ToListAsync(cancellationToken);
        return new Built(stamp, SuggestIndex.Build(items));
    }

    private static async Task<long> StampAsync(GridCaseDbContext db, CancellationToken cancellationToken) =>
        await db.CatalogItems.MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0;
}
