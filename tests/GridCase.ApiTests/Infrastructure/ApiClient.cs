using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridCase.ApiTests.Infrastructure;

/// <summary>An HTTP client signed in as one demo user, with the calls tests make most.</summary>
public sealed class ApiClient(HttpClient http, string userName)
{
    public const string Password = "Demo#2026";
    public HttpClient Http { get; } = http;
    public string UserName { get; } = userName;
    private bool _signedIn;

    public async Task<ApiClient> SignInAsync()
    {
        if (_signedIn) return this;
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { userName = UserName, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _signedIn = true;
        return this;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, object? body)
    {
        await SignInAsync();
        return await Http.PostAsJsonAsync(url, body);
    }

    public async Task<HttpResponseMessage> PutAsync(string url, object? body)
    {
        await SignInAsync();
        return await Http.PutAsJsonAsync(url, body);
    }

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        await SignInAsync();
        return await Http.GetAsync(url);
    }

    public async Task<JsonNode> GetJsonAsync(string url) => await ReadAsync(await GetAsync(url), HttpStatusCode.OK);

    public async Task<JsonNode> ReportAsync(string? itemCode, string gridCode = "JB0101G01", string title = "井盖缺失")
    {
        var response = await PostAsync("/api/cases", new
        {
            channel = "Hotline12345", title, description = "市民来电反映", itemCode,
            location = new { gridCode, address = "滨江路 18 号" }, reporter = new { name = "张先生", phone = "13800000000" },
        });
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> CompleteAsync(string workItemId, string outcome, string? comment = null, object? data = null) =>
        PostAsync($"/api/work-items/{workItemId}/complete", new { outcome, comment, data });

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a ProblemDetails answer with that status and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
