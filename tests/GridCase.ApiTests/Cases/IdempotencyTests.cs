using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Cases;

/// <summary>A client retrying a report with its Idempotency-Key gets the case its first request made.</summary>
public sealed class IdempotencyTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private static object Report(string title) => new
    {
        channel = "App", title, description = "小区门口", location = new { gridCode = "JB0101G01", address = "滨江路 18 号" },
    };

    private static async Task<HttpResponseMessage> PostAsync(ApiClient client, string key, object body)
    {
        await client.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.Http.SendAsync(request);
    }

    private int CasesTitled(string title) => app.Scoped(db => db.Cases.Count(c => c.Title == title));

    [Fact]
    public async Task The_same_key_and_body_give_the_same_case_and_another_body_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        var title = $"垃圾满溢 {key[..8]}";
        var acceptor = app.Client("acceptor");

        var first = await ApiClient.ReadAsync(await PostAsync(acceptor, key, Report(title)), HttpStatusCode.Created);
        var again = await ApiClient.ReadAsync(await PostAsync(acceptor, key, Report(title)), HttpStatusCode.OK);
        Assert.Equal(first["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        Assert.Equal(1, CasesTitled(title));

        var problem = await ApiClient.ProblemAsync(await PostAsync(acceptor, key, Report(title + "（改）")), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem["title"]!.GetValue<string>());
        Assert.Equal(0, CasesTitled(title + "（改）"));

        // Keys are per user: another user's identical key is a new report.
        var other = await ApiClient.ReadAsync(await PostAsync(app.Client("grid.JB0101G01"), key, Report(title)), HttpStatusCode.Created);
        Assert.NotEqual(first["id"]!.GetValue<string>(), other["id"]!.GetValue<string>());
        Assert.Equal(2, CasesTitled(title));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_make_exactly_one_case()
    {
        var key = Guid.NewGuid().ToString();
        var title = $"路灯不亮 {key[..8]}";
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.Client("acceptor").SignInAsync()));

        var responses = await Task.WhenAll(clients.Select(c => PostAsync(c, key, Report(title))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        var ids = await Task.WhenAll(responses.Select(async r => JsonNode.Parse(await r.Content.ReadAsStringAsync())!["id"]!.GetValue<string>()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, CasesTitled(title));
    }
}
