using System.Diagnostics;
using System.Text.Json;
using GridCase.Host.Catalog;
using GridCase.Host.Seeding;

namespace GridCase.Benchmarks;

/// <summary>
/// Accuracy of catalog suggestions on the labelled report texts (tests/data/catalog-suggest-set.json) over the
/// shipped catalog, with the same index the API serves, and how long building and querying it take.
/// </summary>
public static class SuggestBenchmark
{
    private sealed record Labelled(string Text, string ExpectedItemCode);

    public static void Run(string root)
    {
        var files = Directory.GetFiles(Path.Combine(root, "workflow-definitions", "catalog"), "*.json").Order();
        var items = files.SelectMany(f => ShippedCatalog.Read(File.ReadAllText(f), DateTimeOffset.UnixEpoch).Items).ToList();
        var set = JsonSerializer.Deserialize<List<Labelled>>(
            File.ReadAllText(Path.Combine(root, "tests", "data", "catalog-suggest-set.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        var build = Stopwatch.StartNew();
        var index = SuggestIndex.Build(items);
        build.Stop();

        int top1 = 0, top5 = 0;
        foreach (var sample in set)
        {
            var codes = index.Suggest(sample.Text, CatalogSuggester.MaxSuggestions).Select(s => s.Code).ToList();
            if (codes.FirstOrDefault() == sample.ExpectedItemCode) top1++;
            if (codes.Contains(sample.ExpectedItemCode)) top5++;
        }

        const int rounds = 20;
        var query = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var sample in set)
                index.Suggest(sample.Text, CatalogSuggester.MaxSuggestions);
        query.Stop();

        Console.WriteLine($"catalog: {items.Count} items, labelled texts: {set.Count}");
        Console.WriteLine($"suggest top-1: {100.0 * top1 / set.Count:F1}%, top-5: {100.0 * top5 / set.Count:F1}%");
        Console.WriteLine($"index build: {build.Elapsed.TotalMilliseconds:F1} ms; query: {query.Elapsed.TotalMilliseconds * 1000 / (rounds * set.Count):F0} µs each");
    }
}
