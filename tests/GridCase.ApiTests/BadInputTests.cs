using System.Net;
using System.Net.Http.Json;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests;

/// <summary>
/// Every kind of bad request gets a ProblemDetails answer and leaves the database as it was; each provider
/// runs these in a subclass.
/// </summary>
public abstract class BadInputTests(GridCaseApp app)
{
    private (int Cases, int Items, int Journal, int Instances) Counts() =>
        app.Scoped(db => (db.Cases.Count(), db.WorkItems.Count(), db.Journal.Count(), db.WorkflowInstances.Count()));

    public static TheoryData<string, string> BadReports() => new()
    {
        { """{"channel":"Fax","title":"井盖缺失","location":{"gridCode":"JB0101G01"}}""", "channel" },
        { """{"channel":"1","title":"井盖缺失","location":{"gridCode":"JB0101G01"}}""", "channel" },
        { """{"channel":"App","title":"","location":{"gridCode":"JB0101G01"}}""", "title" },
        { """{"channel":"App","title":"井盖缺失"}""", "location" },
        { """{"channel":"App","title":"井盖缺失","location":{"gridCode":"NOPE"}}""", "location.gridCode" },
        { """{"channel":"App","title":"井盖缺失","location":{"lat":95,"lng":120.1}}""", "location" },
        { """{"channel":"App","title":"井盖缺失","itemCode":"99.999","location":{"gridCode":"JB0101G01"}}""", "itemCode" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_bad_report_is_refused_field_by_field(string body, string field)
    {
        var client = await app.Client("acceptor").SignInAsync();
        var before = Counts();

        var response = await client.Http.PostAsync("/api/cases", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_too()
    {
        var client = await app.Client("acceptor").SignInAsync();
        var before = Counts();
        var response = await client.Http.PostAsync("/api/cases", new StringContent("{\"channel\":", System.Text.Encoding.UTF8, "application/json"));
        await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task An_unknown_outcome_or_missing_outcome_is_refused_and_changes_nothing()
    {
        var driver = new CaseDriver(app);
        var c = await driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        var item = CaseDriver.OpenItem(c, "Accept")["id"]!.GetValue<string>();
        var before = Counts();

        var unknown = await ApiClient.ProblemAsync(await driver.Acceptor.CompleteAsync(item, "Approve"), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["outcome"]);
        var missing = await driver.Acceptor.PostAsync($"/api/work-items/{item}/complete", new { comment = "x" });
        await ApiClient.ProblemAsync(missing, HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await driver.Acceptor.CompleteAsync(item, "Accept", data: new { itemCode = "00.000" }), HttpStatusCode.BadRequest);

        Assert.Equal(before, Counts());
        Assert.Equal("Accept", (await driver.CaseAsync(c["id"]!.GetValue<string>()))["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dispatching_to_something_that_is_not_a_department_is_refused()
    {
        var driver = new CaseDriver(app);
        var c = await driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        c = await driver.CompleteAsync(c, "Accept", "Accept");
        var item = CaseDriver.OpenItem(c, "Dispatch")["id"]!.GetValue<string>();
        var before = Counts();

        var problem = await ApiClient.ProblemAsync(
            await driver.As("dispatcher").CompleteAsync(item, "Dispatch", data: new { departmentCode = "JB0101" }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["data.departmentCode"]);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Unknown_things_are_not_found()
    {
        var client = await app.Client("acceptor").SignInAsync();
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/cases/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await client.CompleteAsync(Guid.NewGuid().ToString(), "Accept"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/workflow-definitions/nope"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_paging_and_filters_are_refused()
    {
        var client = await app.Client("acceptor").SignInAsync();
        var problem = await ApiClient.ProblemAsync(await client.GetAsync("/api/cases?stage=Sleeping&pageSize=1000"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["stage"]);
        Assert.NotNull(problem["errors"]!["pageSize"]);
        var numeric = await ApiClient.ProblemAsync(await client.GetAsync("/api/cases?status=1"), HttpStatusCode.BadRequest);
        Assert.NotNull(numeric["errors"]!["status"]);
    }

    [Fact]
    public async Task A_wrong_password_is_401_with_a_problem()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "acceptor", password = "wrong" });
        await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteBadInputTests(GridCaseApp app) : BadInputTests(app), IClassFixture<GridCaseApp>;
