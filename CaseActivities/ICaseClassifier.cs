using GridCase.Domain.Catalog;

namespace GridCase.CaseActivities;

/// <summary>Classifies a case without a person: the catalog's best suggestion for a report's text.</summary>
public interface ICaseClassifier
{
    /// <returns>The best-scoring item for the text, or null when no item shares anything with it.</returns>
    ValueTask<CatalogSuggestion?> BestSuggestionAsync(string text, CancellationToken cancellationToken);
}

/// <param name="Score">The suggestion index's score (BM25 with keyword bonus): unbounded, higher is surer.</param>
public sealed record CatalogSuggestion(CatalogSnapshot Item, double Score);
