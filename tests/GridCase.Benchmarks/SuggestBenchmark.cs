using System.Diagnostics;
using System.Text.Json;
using GridCase.Host.Catalog;
using GridCase.Host.Seeding;

namespace GridCase.Benchmarks;

/// <summary>
/// Accuracy of catalog suggestions on the two labelled sets of report texts (tests/data/) over the
/// shipped catalog, with the same index the API serves, and how long building and querying it take.
/// </summary>
public static class SuggestBenchmark
{
    private sealed record Labelled(string Text, string ExpectedItemCode);

    public static void Run(string root)
    {
        var files = Directory.GetFiles(Path.Combine(root, "workflow-definitions", "catalog"), "*.json").Order();
        var items = files.SelectMany(f => ShippedCatalog.Read(File.ReadAllText(f), DateTimeOffset.UnixEpoch).Items).ToList();

        var build = Stopwatch.StartNew();
        var index = SuggestIndex.Build(items);
        build.Stop();
        Console.WriteLine($"catalog: {items.Count} items; index build: {build.Elapsed.TotalMilliseconds:F1} ms");

        // The first set's texts carry their item's keywords word for word; the paraphrased one never does.
        foreach (var name in new[] { "catalog-suggest-set.json", "catalog-suggest-paraphrased.json" })
        {
            var set = JsonSerializer.Deserialize<List<Labelled>>(
                File.ReadAllText(Path.Combine(root, "tests", "data", name)), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
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

            Console.WriteLine($"{name}: {set.Count} texts, top-1 {100.0 * top1 / set.Count:F1}%, top-5 {100.0 * top5 / set.Count:F1}%; "
                + $"query {query.Elapsed.TotalMilliseconds * 1000 / (rounds * set.Count):F0} µs each");
        }
    }
}
