using System.Net;
using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.AdminTools;

/// <summary>
/// The Hangfire dashboard opens only with the short-lived cookie an admin asks for; a bearer token, in a
/// header or in the query string, opens nothing there. The host runs on a fake clock to let a session expire.
/// </summary>
public sealed class DashboardSessionTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Without_a_session_cookie_the_dashboard_is_401_even_for_an_admins_bearer_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/hangfire")).StatusCode);
        var admin = await app.Client("admin").SignInAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/hangfire")).StatusCode);

        var token = admin.Http.DefaultRequestHeaders.Authorization!.Parameter;
        var fresh = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync($"/hangfire?access_token={token}")).StatusCode);
        // The old query-string path left a cookie behind; now nothing is set and the next request is still refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_gets_a_session_and_with_it_the_dashboard()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync("/api/auth/dashboard-session", null)).StatusCode);
        foreach (var user in new[] { "acceptor", "supervisor", "policy" })
        {
            var client = app.Client(user);
            await ApiClient.ProblemAsync(await client.PostAsync("/api/auth/dashboard-session", null), HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
        }

        var admin = app.Client("admin");
        var session = await admin.PostAsync("/api/auth/dashboard-session", null);
        Assert.Equal(HttpStatusCode.NoContent, session.StatusCode);
        var cookie = Assert.Single(session.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gridcase_dashboard="));
        Assert.Contains("path=/hangfire", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var token = admin.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.DoesNotContain(token, cookie);

        var page = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hangfire", await page.Content.ReadAsStringAsync());

        // The cookie alone is enough: no bearer header on the dashboard's own requests.
        admin.Http.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/hangfire/jobs/enqueued")).StatusCode);
    }

    [Fact]
    public async Task A_session_expires_after_fifteen_minutes_and_a_forged_cookie_opens_nothing()
    {
        var admin = app.Client("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/auth/dashboard-session", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);

        app.FakeClock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
        app.FakeClock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/hangfire")).StatusCode);

        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Add("Cookie", "gridcase_dashboard=CfDJ8forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/hangfire")).StatusCode);
    }
}
