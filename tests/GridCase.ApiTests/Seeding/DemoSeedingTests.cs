using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Seeding;

/// <summary>
/// Demo users with the published password exist only when the demo is on (Demo:Seed, or Development as
/// <c>dotnet run</c> starts); otherwise an empty database gets one admin from Bootstrap:AdminPassword, or the
/// host refuses to start.
/// </summary>
public sealed class DemoSeedingTests
{
    private const string BootstrapPassword = "Bootstr4p!Admin";

    private static async Task<HttpStatusCode> LoginAsync(GridCaseApp app, string user, string password) =>
        (await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = user, password })).StatusCode;

    private static async Task<JsonObject> DemoAsync(GridCaseApp app) =>
        (await ApiClient.ReadAsync(await app.CreateClient().GetAsync("/api/auth/demo"), HttpStatusCode.OK)).AsObject();

    [Fact]
    public async Task With_the_demo_on_its_users_are_seeded_and_listed_for_the_login_page()
    {
        using var app = new GridCaseApp();
        var demo = await DemoAsync(app);
        Assert.True(demo["enabled"]!.GetValue<bool>());
        Assert.Equal(ApiClient.Password, demo["password"]!.GetValue<string>());
        var users = demo["users"]!.AsArray().Select(u => u!).ToList();
        var acceptor = users.Single(u => u["userName"]!.GetValue<string>() == "acceptor");
        Assert.Equal("Acceptor", acceptor["role"]!.GetValue<string>());
        Assert.Equal("JB", acceptor["orgUnitCode"]!.GetValue<string>());
        Assert.Equal("受理员", acceptor["displayName"]!.GetValue<string>());
        Assert.Contains(users, u => u["userName"]!.GetValue<string>() == "supervisor.JB01" && u["orgUnitCode"]!.GetValue<string>() == "JB01");
        Assert.Equal(8, users.Select(u => u["role"]!.GetValue<string>()).Distinct().Count());
        // Every listed user really signs in with the listed password.
        foreach (var user in new[] { "admin", "acceptor", "handler.CGJ", "grid.JB0101G01", "supervisor.JB01" })
            Assert.Equal(HttpStatusCode.OK, await LoginAsync(app, user, ApiClient.Password));
    }

    [Fact]
    public async Task Development_runs_the_demo_without_being_told()
    {
        using var app = new GridCaseApp { EnvironmentName = "Development", Settings = { ["Demo:Seed"] = null } };
        Assert.True((await DemoAsync(app))["enabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(app, "acceptor", ApiClient.Password));
    }

    [Fact]
    public async Task Without_the_demo_an_empty_database_gets_one_bootstrap_admin_and_no_demo_user()
    {
        using var app = new GridCaseApp
        {
            EnvironmentName = "Production",
            Settings = { ["Demo:Seed"] = null, ["Bootstrap:AdminPassword"] = BootstrapPassword },
        };
        var demo = await DemoAsync(app);
        Assert.False(demo["enabled"]!.GetValue<bool>());
        Assert.False(demo.ContainsKey("password"));
        Assert.False(demo.ContainsKey("users"));

        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(app, "acceptor", ApiClient.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(app, "admin", ApiClient.Password));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(app, "admin", BootstrapPassword));

        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BootstrapPassword });
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        var users = (await ApiClient.ReadAsync(await admin.GetAsync("/api/users"), HttpStatusCode.OK)).AsArray();
        var only = Assert.Single(users)!;
        Assert.Equal("admin", only["userName"]!.GetValue<string>());
        Assert.Equal(["Admin"], only["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        // The org tree and the catalog are there to work with: they are not demo data.
        Assert.Single((await ApiClient.ReadAsync(await admin.GetAsync("/api/org-units"), HttpStatusCode.OK)).AsArray());
        Assert.True((await ApiClient.ReadAsync(await admin.GetAsync("/api/catalog/items"), HttpStatusCode.OK))["total"]!.GetValue<int>() > 800);
        app.KeepData = true;

        // Started again on that database, with users there already, nothing more is asked for.
        using var again = new RestartedApp(app.DataFolder);
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(again, "admin", BootstrapPassword));
    }

    [Fact]
    public void Without_the_demo_and_without_a_bootstrap_password_the_host_refuses_to_start_naming_the_key()
    {
        using var app = new GridCaseApp { EnvironmentName = "Production", Settings = { ["Demo:Seed"] = null } };
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("Bootstrap:AdminPassword", messages);
    }

    [Fact]
    public void A_bootstrap_password_the_password_rules_refuse_stops_the_start_too()
    {
        using var app = new GridCaseApp { EnvironmentName = "Production", Settings = { ["Demo:Seed"] = "false", ["Bootstrap:AdminPassword"] = "short" } };
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Bootstrap:AdminPassword", string.Join(" | ", Chain(error).Select(e => e.Message)));
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    private sealed class RestartedApp : GridCaseApp
    {
        public RestartedApp(string dataFolder) : base(dataFolder)
        {
            KeepData = false;
            EnvironmentName = "Production";
            Settings["Demo:Seed"] = null;
        }
    }
}
