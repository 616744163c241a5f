using GridCase.CaseActivities;
using GridCase.Domain.Catalog;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Catalog;

/// <summary>What AutoAccept classifies with: the current catalog and the same suggestion index acceptors see at intake.</summary>
public sealed class CatalogCaseClassifier(GridCaseDbContext db, CatalogSuggester suggester) : ICaseClassifier
{
    private async ValueTask<CatalogSnapshot?> ItemAsync(string itemCode, CancellationToken cancellationToken) =>
        (await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == itemCode && i.IsCurrent, cancellationToken))?.Snapshot();

    public async ValueTask<CatalogSuggestion?> BestSuggestionAsync(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var best = (await suggester.SuggestAsync(db, text, cancellationToken)).FirstOrDefault();
        return best is not null && await ItemAsync(best.Code, cancellationToken) is { } item ? new CatalogSuggestion(item, best.Score) : null;
    }
}
