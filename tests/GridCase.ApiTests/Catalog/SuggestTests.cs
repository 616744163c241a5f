using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using Xunit.Abstractions;

namespace GridCase.ApiTests.Catalog;

/// <summary>Suggesting catalog items for a report text, measured on a labelled set of real-sounding reports.</summary>
public sealed class SuggestTests(GridCaseApp app, ITestOutputHelper output) : IClassFixture<GridCaseApp>
{
    private readonly ApiClient _acceptor = app.Client("acceptor");

    private sealed record Labelled(string Text, string ExpectedItemCode);

    private static List<Labelled> LoadSet(string name = "catalog-suggest-set.json") =>
        JsonSerializer.Deserialize<List<Labelled>>(File.ReadAllText(DataFile(name)), ApiClient.Json)!;

    private static string DataFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "data", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"tests/data/{name}");
    }

    private async Task<(double Top1, double Top5)> MeasureAsync(List<Labelled> set)
    {
        int top1 = 0, top5 = 0;
        foreach (var sample in set)
        {
            var codes = (await SuggestAsync(sample.Text)).Select(s => s!["code"]!.GetValue<string>()).ToList();
            Assert.True(codes.Count <= 5);
            if (codes.FirstOrDefault() == sample.ExpectedItemCode) top1++;
            if (codes.Contains(sample.ExpectedItemCode)) top5++;
            else output.WriteLine($"miss: {sample.Text} → expected {sample.ExpectedItemCode}, got {string.Join(" ", codes)}");
        }
        return (100.0 * top1 / set.Count, 100.0 * top5 / set.Count);
    }

    private async Task<JsonArray> SuggestAsync(string text) =>
        (await _acceptor.GetJsonAsync($"/api/catalog/suggest?text={Uri.EscapeDataString(text)}")).AsArray();

    [Fact]
    public async Task Suggestions_find_the_labelled_item_often_enough()
    {
        var set = LoadSet();
        Assert.True(set.Count >= 100);
        var (top1Rate, top5Rate) = await MeasureAsync(set);
        output.WriteLine($"suggest top-1: {top1Rate:F1}%, top-5: {top5Rate:F1}% ({set.Count} texts)");
        // These texts carry their item's keywords word for word, so the floors say that keyword matching works,
        // not how well a resident's own words are understood (that is the paraphrased set below). Deterministic,
        // so floors well under the measured ≈75% / ≈95% catch a real regression and nothing else.
        Assert.True(top5Rate >= 85, $"top-5 {top5Rate:F1}%");
        Assert.True(top1Rate >= 60, $"top-1 {top1Rate:F1}%");
    }

    /// <summary>
    /// What makes the paraphrased set paraphrased, checked against the shipped catalog: no text holds its own
    /// item's name or any of its keywords, nor the name (with or without its qualifier) of any item at all.
    /// </summary>
    [Fact]
    public void The_paraphrased_reports_use_none_of_the_catalogs_words()
    {
        var set = LoadSet("catalog-suggest-paraphrased.json");
        Assert.True(set.Count >= 100);
        var items = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(DataFile("catalog-suggest-set.json"))!, "..", "..", "workflow-definitions", "catalog"), "*.json")
            .SelectMany(f => GridCase.Host.Seeding.ShippedCatalog.Read(File.ReadAllText(f), DateTimeOffset.UnixEpoch).Items)
            .ToDictionary(i => i.Code);
        var names = items.Values.SelectMany(i => new[] { i.Name, i.Name.Split('（', '(')[0] }).Where(n => n.Length > 0).ToHashSet();
        var offences = new List<string>();
        foreach (var sample in set)
        {
            Assert.True(items.TryGetValue(sample.ExpectedItemCode, out var item), $"no item {sample.ExpectedItemCode}");
            var found = item!.Keywords.Where(sample.Text.Contains).Concat(names.Where(sample.Text.Contains)).ToList();
            if (found.Count > 0) offences.Add($"{sample.ExpectedItemCode} {sample.Text}: {string.Join(", ", found)}");
        }
        Assert.True(offences.Count == 0, string.Join("\n", offences));
        Assert.Equal(set.Count, set.Select(s => s.Text).Distinct().Count());
    }

    [Fact]
    public async Task Suggestions_for_reports_in_a_residents_own_words()
    {
        var set = LoadSet("catalog-suggest-paraphrased.json");
        var (top1Rate, top5Rate) = await MeasureAsync(set);
        output.WriteLine($"paraphrased top-1: {top1Rate:F1}%, top-5: {top5Rate:F1}% ({set.Count} texts)");
        // Measured 15.8% / 35.0%: BM25 over the catalog's own characters finds a resident's words mostly
        // by luck. Only the top-5 rate is held, just under what it reaches, so that a change which loses even
        // this shows; top-1 at that level says nothing worth a floor.
        Assert.True(top5Rate >= 30, $"paraphrased top-5 {top5Rate:F1}%");
    }

    [Fact]
    public async Task A_suggestion_has_code_name_category_and_score_best_first()
    {
        var suggestions = await SuggestAsync("幸福里小区门口的窨井盖不见了，一个大洞");
        Assert.Equal(5, suggestions.Count);
        var first = suggestions[0]!;
        Assert.StartsWith("01.00", first["code"]!.GetValue<string>());
        Assert.Contains("井盖", first["name"]!.GetValue<string>());
        Assert.Equal("01", first["categoryCode"]!.GetValue<string>());
        var scores = suggestions.Select(s => s!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True(scores[^1] > 0);

        Assert.Empty(await SuggestAsync("……!!!"));
    }

    [Fact]
    public async Task A_text_is_required_and_bounded()
    {
        var problem = await ApiClient.ProblemAsync(await _acceptor.GetAsync("/api/catalog/suggest?text=%20"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["text"]);
        await ApiClient.ProblemAsync(await _acceptor.GetAsync("/api/catalog/suggest"), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await _acceptor.GetAsync($"/api/catalog/suggest?text={new string('路', 4001)}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_new_or_edited_item_is_suggested_right_after_it_is_saved()
    {
        const string report = "小区门口的智能快递柜屏幕碎了，取不了件";
        Assert.DoesNotContain(await SuggestAsync(report), s => s!["code"]!.GetValue<string>() == "19.990");

        var item = new JsonObject
        {
            ["code"] = "19.990", ["name"] = "智能快递柜故障", ["categoryCode"] = "19", ["closureStandard"] = "快递柜恢复使用",
            ["timeLimit"] = "P2D", ["calendar"] = "Working", ["ownerDepartmentCode"] = "SCJGJ", ["responsibilityBasis"] = "Designated",
            ["keywords"] = new JsonArray("快递柜", "取不了件", "屏幕碎了"),
        };
        await ApiClient.ReadAsync(await app.Client("policy").PostAsync("/api/catalog/items", item), HttpStatusCode.Created);
        Assert.Equal("19.990", (await SuggestAsync(report))[0]!["code"]!.GetValue<string>());

        item["name"] = "智能快递柜设施损坏";
        item["keywords"] = new JsonArray("丰巢");
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync("/api/catalog/items/19.990", item), HttpStatusCode.OK);
        var top = (await SuggestAsync("丰巢柜子坏了"))[0]!;
        Assert.Equal("19.990", top["code"]!.GetValue<string>());
        Assert.Equal("智能快递柜设施损坏", top["name"]!.GetValue<string>());
    }
}
