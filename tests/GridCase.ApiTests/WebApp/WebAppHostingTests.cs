using System.IO.Compression;
using System.Net;
using GridCase.ApiTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace GridCase.ApiTests.WebApp;

/// <summary>A Host serving a built web app from a folder of its own (what Designer/dist holds after a build).</summary>
public sealed class WebAppFolderApp : GridCaseApp
{
    public string WebFolder { get; } = Path.Combine(Path.GetTempPath(), "gridcase-tests", "web-" + Guid.NewGuid().ToString("N"));

    public WebAppFolderApp()
    {
        Directory.CreateDirectory(Path.Combine(WebFolder, "assets"));
        File.WriteAllText(Path.Combine(WebFolder, "index.html"), "<!doctype html><div id=\"root\"></div><!-- gridcase-app -->");
        File.WriteAllText(Path.Combine(WebFolder, "assets", "index-abc123.js"), "console.log('app')");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WebApp:Folder", WebFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(WebFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The Host serves the web app at the root with a client-route fallback, and the API stays the API.</summary>
public sealed class WebAppHostingTests(WebAppFolderApp app) : IClassFixture<WebAppFolderApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/inbox")]
    [InlineData("/cases/5d0c6b1e-0000-0000-0000-000000000000")]
    public async Task Client_routes_get_the_app(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("gridcase-app", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hashed_assets_are_served_and_cached_for_good()
    {
        var response = await app.CreateClient().GetAsync("/assets/index-abc123.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_apps_files_go_out_compressed_and_api_answers_do_not(string encoding)
    {
        var client = (await app.Client("acceptor").SignInAsync()).Http;
        using var asset = new HttpRequestMessage(HttpMethod.Get, "/assets/index-abc123.js");
        asset.Headers.AcceptEncoding.ParseAdd(encoding);
        var response = await client.SendAsync(asset);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        await using Stream compressed = await response.Content.ReadAsStreamAsync();
        await using Stream plain = encoding == "br"
            ? new BrotliStream(compressed, CompressionMode.Decompress)
            : new GZipStream(compressed, CompressionMode.Decompress);
        Assert.Equal("console.log('app')", await new StreamReader(plain).ReadToEndAsync());

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        api.Headers.AcceptEncoding.ParseAdd(encoding);
        var answer = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(answer.Content.Headers.ContentEncoding);
        Assert.Contains("acceptor", await answer.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/cases/x/y/z")]
    [InlineData("/api/file.json")]
    public async Task An_unknown_api_path_is_a_404_problem_not_the_app(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_swagger_and_the_api_keep_working()
    {
        var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        // Whoever may read the OpenAPI document (that is the Host's choice), the app never stands in for it.
        var swagger = await client.GetAsync("/swagger/v1/swagger.json");
        Assert.NotEqual("text/html", swagger.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/inbox")).StatusCode);
        var signedIn = await app.Client("acceptor").GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_missing_file_with_an_extension_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/assets/missing-123.js")).StatusCode);
    }
}
