using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests;

/// <summary>
/// Racing draft saves and publishes of one definition: each answer is the saved version or a 409, never a
/// 500, and the versions stay whole (one latest, numbers unique). Each provider runs these in a subclass.
/// </summary>
public abstract class DefinitionRaceTests(GridCaseApp app)
{
    private const string Url = "/api/workflow-definitions/case-lifecycle";
    private const int Racers = 8;

    private async Task<HttpResponseMessage[]> RaceAsync(Func<ApiClient, int, Task<HttpResponseMessage>> send)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => app.Client(i % 2 == 0 ? "policy" : "admin").SignInAsync()));
        return await Task.WhenAll(clients.Select((c, i) => send(c, i)));
    }

    private static async Task<int> OkCountAsync(HttpResponseMessage[] responses)
    {
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await ApiClient.ProblemAsync(r, HttpStatusCode.Conflict);
        return responses.Count(r => r.StatusCode == HttpStatusCode.OK);
    }

    private async Task AssertVersionsWholeAsync()
    {
        var summary = (await app.Client("policy").GetJsonAsync("/api/workflow-definitions")).AsArray()
            .Single(d => d!["definitionId"]!.GetValue<string>() == "case-lifecycle")!;
        var versions = summary["versions"]!.AsArray().Select(v => v!).ToList();
        Assert.Single(versions, v => v["isLatest"]!.GetValue<bool>());
        Assert.Equal(versions.Count, versions.Select(v => v["version"]!.GetValue<int>()).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v["version"]!.GetValue<int>()).Order());
    }

    private async Task<JsonObject> DraftAsync(string name)
    {
        var d = (await app.Client("policy").GetJsonAsync($"{Url}?version=1")).AsObject();
        d["name"] = name;
        return d;
    }

    [Fact]
    public async Task Racing_draft_saves_and_publishes_are_each_saved_or_409()
    {
        // On top of a published version, every save wants to open the next version.
        var saves = await RaceAsync(async (c, i) => await c.PutAsync($"{Url}/draft", await DraftAsync($"草稿 {i}")));
        Assert.True(await OkCountAsync(saves) >= 1);
        await AssertVersionsWholeAsync();

        var publishes = await RaceAsync((c, _) => c.PostAsync($"{Url}/publish", null));
        Assert.Equal(1, await OkCountAsync(publishes));
        await AssertVersionsWholeAsync();

        // Saves and publishes mixed: a publish may win over a save or lose to it, never crash.
        var draft = await DraftAsync("混合");
        var mixed = await RaceAsync((c, i) => i % 2 == 0 ? c.PutAsync($"{Url}/draft", draft) : c.PostAsync($"{Url}/publish", null));
        await OkCountAsync(mixed);
        await AssertVersionsWholeAsync();
    }
}

public sealed class SqliteDefinitionRaceTests(GridCaseApp app) : DefinitionRaceTests(app), IClassFixture<GridCaseApp>;
