using System.Globalization;
using GridCase.Domain.Catalog;

namespace GridCase.Host.Catalog;

/// <summary>
/// Ranks catalog items for a free-text report. Chinese has no spaces, so text is cut into character unigrams and
/// bigrams: bigrams carry most of the meaning (井盖, 路灯, 噪音), unigrams catch what residents write in other words
/// (灯 for 路灯). Items are scored with BM25 over their name (counted twice: it is what the item is), keywords
/// (how residents say it) and filing condition (what the case looks like on site). A keyword found whole in the
/// text adds a small bonus, because keywords are the colloquial phrases the catalog was written to match.
/// Immutable once built, so any number of requests can read it at once.
/// </summary>
public sealed class SuggestIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double NameWeight = 2;
    private const double KeywordWeight = 1;
    private const double FilingConditionWeight = 1;
    private const double WholeKeywordBonus = 1;

    private readonly Entry[] _entries;
    private readonly Dictionary<string, (double Idf, Posting[] Postings)> _terms;

    private sealed record Entry(string Code, string Name, string CategoryCode, string[] Keywords);

    private readonly record struct Posting(int Entry, double Weight);

    private SuggestIndex(Entry[] entries, Dictionary<string, (double, Posting[])> terms)
    {
        _entries = entries;
        _terms = terms;
    }

    public int Count => _entries.Length;

    public static SuggestIndex Build(IEnumerable<CatalogItem> items)
    {
        var list = items.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var entries = new Entry[list.Count];
        var frequencies = new Dictionary<string, double>[list.Count];
        var lengths = new double[list.Count];
        for (var d = 0; d < list.Count; d++)
        {
            var item = list[d];
            var keywords = item.Keywords.Select(Normalize).Where(k => k.Length >= 2).Distinct().ToArray();
            entries[d] = new Entry(item.Code, item.Name, item.CategoryCode, keywords);
            var tf = new Dictionary<string, double>();
            Add(tf, item.Name, NameWeight);
            foreach (var keyword in item.Keywords) Add(tf, keyword, KeywordWeight);
            Add(tf, item.FilingCondition, FilingConditionWeight);
            frequencies[d] = tf;
            lengths[d] = tf.Values.Sum();
        }

        var average = lengths.Length == 0 ? 1 : Math.Max(lengths.Average(), 1);
        var postings = new Dictionary<string, List<Posting>>();
        for (var d = 0; d < frequencies.Length; d++)
            foreach (var (term, f) in frequencies[d])
            {
                // BM25's term-frequency part is fixed per item, so it is computed once here instead of per query.
                var weight = f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[d] / average));
                if (!postings.TryGetValue(term, out var posting)) postings[term] = posting = [];
                posting.Add(new Posting(d, weight));
            }

        var n = entries.Length;
        var terms = postings.ToDictionary(
            kv => kv.Key,
            kv => (Math.Log(1 + (n - kv.Value.Count + 0.5) / (kv.Value.Count + 0.5)), kv.Value.ToArray()));
        return new SuggestIndex(entries, terms);
    }

    /// <summary>The best <paramref name="count"/> items, best first; items sharing nothing with the text are left out.</summary>
    public IReadOnlyList<CatalogSuggestionDto> Suggest(string text, int count)
    {
        var scores = new double[_entries.Length];
        foreach (var term in Terms(text).Distinct())
            if (_terms.TryGetValue(term, out var t))
                foreach (var posting in t.Postings)
                    scores[posting.Entry] += t.Idf * posting.Weight;

        var normalized = Normalize(text);
        for (var d = 0; d < _entries.Length; d++)
            foreach (var keyword in _entries[d].Keywords)
                if (normalized.Contains(keyword, StringComparison.Ordinal))
                    scores[d] += WholeKeywordBonus;

        return
        [
            .. Enumerable.Range(0, _entries.Length)
                .Where(d => scores[d] > 0)
                .OrderByDescending(d => scores[d]).ThenBy(d => _entries[d].Code, StringComparer.Ordinal)
                .Take(count)
                .Select(d => new CatalogSuggestionDto(_entries[d].Code, _entries[d].Name, _entries[d].CategoryCode, Math.Round(scores[d], 3))),
        ];
    }

    private static void Add(Dictionary<string, double> tf, string text, double weight)
    {
        foreach (var term in Terms(text))
            tf[term] = tf.GetValueOrDefault(term) + weight;
    }

    /// <summary>Unigrams and bigrams of each run of letters and digits; punctuation and spaces break runs.</summary>
    internal static IEnumerable<string> Terms(string text)
    {
        foreach (var run in Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var elements = StringInfo.GetTextElementEnumerator(run);
            var chars = new List<string>();
            while (elements.MoveNext()) chars.Add(elements.GetTextElement());
            for (var i = 0; i < chars.Count; i++)
            {
                yield return chars[i];
                if (i + 1 < chars.Count) yield return chars[i] + chars[i + 1];
            }
        }
    }

    /// <summary>Lower case, full-width forms folded (Ａ１ → a1), everything but letters and digits turned into spaces.</summary>
    internal static string Normalize(string text)
    {
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
        var chars = folded.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (!char.IsLetterOrDigit(chars[i]) && !char.IsSurrogate(chars[i]))
                chars[i] = ' ';
        return new string(chars);
    }
}
