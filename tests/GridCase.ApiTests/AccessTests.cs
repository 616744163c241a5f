using System.Net;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests;

/// <summary>Roles and org scopes decide who may see and do what.</summary>
public sealed class AccessTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    [Fact]
    public async Task Without_a_token_the_api_answers_401()
    {
        var response = await app.CreateClient().GetAsync("/api/inbox");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_handler_cannot_report_a_case()
    {
        var response = await app.Client("handler.CGJ").PostAsync("/api/cases", new { channel = "App", title = "x", location = new { gridCode = "JB0101G01" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_reporting_into_another_grid_is_forbidden_and_nothing_is_written()
    {
        var (cases, journal) = app.Scoped(db => (db.Cases.Count(), db.Journal.Count()));

        var response = await app.Client("grid.JB0101G01").PostAsync("/api/cases",
            new { channel = "GridPatrol", title = "占道经营", location = new { gridCode = "JB0201G02" } });

        await ApiClient.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal((cases, journal), app.Scoped(db => (db.Cases.Count(), db.Journal.Count())));
        // The worker's own grid is theirs to report into.
        await ApiClient.ReadAsync(await app.Client("grid.JB0101G01").PostAsync("/api/cases",
            new { channel = "GridPatrol", title = "占道经营", location = new { gridCode = "JB0101G01" } }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_handler_of_another_department_is_forbidden_and_changes_nothing()
    {
        var driver = new CaseDriver(app);
        var c = await driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        c = await driver.CompleteAsync(c, "Accept", "Accept");
        c = await driver.CompleteAsync(c, "Dispatch", "Dispatch", data: new { departmentCode = "CGJ" });
        var handle = CaseDriver.OpenItem(c, "Handle")["id"]!.GetValue<string>();
        var caseId = c["id"]!.GetValue<string>();

        var problem = await ApiClient.ProblemAsync(await driver.As("handler.SWJ").CompleteAsync(handle, "Complete", "已处理"), HttpStatusCode.Forbidden);
        Assert.Contains("org", problem["title"]!.GetValue<string>());
        await ApiClient.ProblemAsync(await driver.As("handler.SWJ").GetAsync($"/api/cases/{caseId}"), HttpStatusCode.Forbidden);
        // A grid worker is not a handler, even in the case's own grid.
        await ApiClient.ProblemAsync(await driver.As("grid.JB0101G01").CompleteAsync(handle, "Complete", "已处理"), HttpStatusCode.Forbidden);

        Assert.Equal("Handle", (await driver.CaseAsync(caseId))["stage"]!.GetValue<string>());
        var inbox = await driver.As("handler.CGJ").GetJsonAsync("/api/inbox");
        Assert.Contains(inbox.AsArray(), w => w!["id"]!.GetValue<string>() == handle);
        Assert.DoesNotContain((await driver.As("handler.SWJ").GetJsonAsync("/api/inbox")).AsArray(), w => w!["id"]!.GetValue<string>() == handle);
    }

    [Fact]
    public async Task A_grid_worker_sees_the_cases_of_their_grid_only()
    {
        var driver = new CaseDriver(app);
        var mine = await driver.As("grid.JB0301G01").ReportAsync(null, gridCode: "JB0301G01", title: "占道经营");
        var other = await driver.Acceptor.ReportAsync(null, gridCode: "JB0302G01", title: "暴露垃圾");

        var list = await driver.As("grid.JB0301G01").GetJsonAsync("/api/cases?pageSize=200");
        Assert.Contains(list["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == mine["id"]!.GetValue<string>());
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == other["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_admins_list_users_and_the_hangfire_dashboard()
    {
        await ApiClient.ProblemAsync(await app.Client("acceptor").GetAsync("/api/users"), HttpStatusCode.Forbidden);
        var handlers = await app.Client("admin").GetJsonAsync("/api/users?role=Handler");
        Assert.True(handlers.AsArray().Count >= 8);
        Assert.All(handlers.AsArray(), u => Assert.Contains("Handler", u!["roles"]!.AsArray().Select(r => r!.GetValue<string>())));

        // Exactly 401/403: a crash (500) or a redirect must not pass for "refused".
        var acceptor = app.Client("acceptor");
        await ApiClient.ProblemAsync(await acceptor.PostAsync("/api/auth/dashboard-session", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await acceptor.GetAsync("/hangfire")).StatusCode);
        var admin = app.Client("admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/auth/dashboard-session", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task The_org_tree_has_the_demo_district()
    {
        var tree = await app.Client("acceptor").GetJsonAsync("/api/org-units");
        var district = tree.AsArray().Single()!;
        Assert.Equal("District", district["kind"]!.GetValue<string>());
        var all = Flatten(district).ToList();
        Assert.True(all.Count(n => n["kind"]!.GetValue<string>() == "Subdistrict") >= 4);
        Assert.True(all.Count(n => n["kind"]!.GetValue<string>() == "Community") >= 12);
        Assert.True(all.Count(n => n["kind"]!.GetValue<string>() == "Grid") >= 40);
        Assert.True(all.Count(n => n["kind"]!.GetValue<string>() == "Department") >= 8);

        static IEnumerable<System.Text.Json.Nodes.JsonNode> Flatten(System.Text.Json.Nodes.JsonNode n) =>
            new[] { n }.Concat(n["children"]!.AsArray().SelectMany(c => Flatten(c!)));
    }

    [Fact]
    public async Task Health_and_swagger_answer()
    {
        Assert.Equal("Healthy", await app.CreateClient().GetStringAsync("/health"));
        var document = await app.Client("admin").GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("/api/cases", await document.Content.ReadAsStringAsync());
    }
}
