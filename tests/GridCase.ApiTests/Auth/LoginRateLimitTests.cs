using System.Net;
using System.Net.Http.Json;
using GridCase.ApiTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests.Auth;

/// <summary>
/// Sign-in attempts are throttled per client address and per user name (429 with Retry-After), before Identity
/// counts a failure, so guessing runs into the throttle long before it can lock an account.
/// </summary>
public sealed class LoginRateLimitTests
{
    private const string ClientHeader = "X-Test-Client";

    /// <summary>A host whose clients can say which address they come from, with the given limits.</summary>
    private sealed class ThrottledApp : GridCaseApp
    {
        public ThrottledApp(int perClient, int perUserName)
        {
            Settings["LoginRateLimit:PermitsPerClient"] = perClient.ToString();
            Settings["LoginRateLimit:PermitsPerUserName"] = perUserName.ToString();
            Settings["LoginRateLimit:Window"] = "00:10:00";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>());
        }

        public HttpClient From(string address)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Add(ClientHeader, address);
            return client;
        }
    }

    /// <summary>The test server has no remote address; this gives each test client one.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> go) =>
            {
                if (context.Request.Headers[ClientHeader] is { Count: > 0 } address) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                return go();
            });
            next(app);
        };
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName = user, password });

    private static async Task AssertThrottledAsync(HttpResponseMessage response)
    {
        await ApiClient.ProblemAsync(response, (HttpStatusCode)429);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 600);
    }

    [Fact]
    public async Task One_client_is_throttled_across_user_names_and_another_client_is_not()
    {
        using var app = new ThrottledApp(perClient: 3, perUserName: 100);
        var attacker = app.From("203.0.113.7");
        foreach (var user in new[] { "acceptor", "dispatcher", "supervisor" })
            await ApiClient.ProblemAsync(await LoginAsync(attacker, user, "guess"), HttpStatusCode.Unauthorized);
        // The fourth attempt is refused before the password is looked at, right or wrong.
        await AssertThrottledAsync(await LoginAsync(attacker, "callback", "guess"));
        await AssertThrottledAsync(await LoginAsync(attacker, "policy", ApiClient.Password));

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app.From("198.51.100.2"), "policy", ApiClient.Password)).StatusCode);
    }

    [Fact]
    public async Task One_user_name_is_throttled_from_every_client_and_other_names_are_not()
    {
        using var app = new ThrottledApp(perClient: 100, perUserName: 3);
        for (var i = 1; i <= 3; i++)
            await ApiClient.ProblemAsync(await LoginAsync(app.From($"203.0.113.{i}"), "acceptor", "guess"), HttpStatusCode.Unauthorized);
        await AssertThrottledAsync(await LoginAsync(app.From("203.0.113.9"), "acceptor", "guess"));
        // Case and spaces do not make it another name.
        await AssertThrottledAsync(await LoginAsync(app.From("203.0.113.10"), " ACCEPTOR ", "guess"));

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app.From("203.0.113.1"), "dispatcher", ApiClient.Password)).StatusCode);
    }

    [Fact]
    public async Task With_the_shipped_permits_a_burst_of_guesses_never_reaches_the_lockout()
    {
        using var app = new ThrottledApp(perClient: 30, perUserName: 10);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
            statuses.Add((await LoginAsync(app.From($"203.0.113.{i % 4 + 1}"), "acceptor", $"guess{i}")).StatusCode);

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(50, statuses.Count(s => s == (HttpStatusCode)429));
        var acceptor = app.Scoped(db => db.Users.AsNoTracking().Single(u => u.UserName == "acceptor"));
        Assert.Equal(10, acceptor.AccessFailedCount);
        Assert.Null(acceptor.LockoutEnd);
    }
}
