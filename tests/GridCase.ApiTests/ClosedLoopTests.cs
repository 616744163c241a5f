using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests;

/// <summary>The eight-stage loop through HTTP, on a real database: each provider runs these in a subclass.</summary>
public abstract class ClosedLoopTests(GridCaseApp app)
{
    private readonly CaseDriver _driver = new(app);

    private async Task<JsonNode> ReportPlainAsync() =>
        await _driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);

    [Fact]
    public async Task A_case_runs_the_whole_loop_to_done()
    {
        var item = TestCatalog.PlainItem(app);
        var c = await _driver.Acceptor.ReportAsync(item.Code);
        Assert.Equal("Accept", c["stage"]!.GetValue<string>());
        Assert.Equal("Open", c["status"]!.GetValue<string>());
        Assert.Matches(@"^GC\d{8}-[0-9A-HJKMNP-TV-Z]{8}$", c["number"]!.GetValue<string>());
        Assert.Equal(new[] { "acceptor" }, CaseDriver.OpenItem(c, "Accept")["candidateUsers"]!.AsArray().Select(x => x!.GetValue<string>()));

        c = await _driver.CompleteAsync(c, "Accept", "Accept");
        Assert.Equal("Dispatch", c["stage"]!.GetValue<string>());
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch");
        Assert.Equal(item.OwnerDepartmentCode, c["departmentCode"]!.GetValue<string>());
        var handle = CaseDriver.OpenItem(c, "Handle");
        Assert.Equal(new[] { $"handler.{item.OwnerDepartmentCode}" }, handle["candidateUsers"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.NotNull(handle["dueAt"]);

        c = await _driver.CompleteAsync(c, "Handle", "Complete", "已处理");
        Assert.Equal(new[] { "grid.JB0101G01" }, CaseDriver.OpenItem(c, "Verify")["candidateUsers"]!.AsArray().Select(x => x!.GetValue<string>()));
        c = await _driver.CompleteAsync(c, "Verify", "Pass");
        Assert.Equal("Evaluate", c["stage"]!.GetValue<string>());
        Assert.Equal("Closed", c["status"]!.GetValue<string>());
        Assert.True(c["assessment"]!["onTime"]!.GetValue<bool>());

        c = await _driver.CompleteAsync(c, "Evaluate", "Satisfied");
        Assert.Equal("Done", c["stage"]!.GetValue<string>());
        Assert.Equal("Closed", c["status"]!.GetValue<string>());
        Assert.Equal("Resolved", c["resolution"]!.GetValue<string>());
        Assert.Equal("Satisfied", c["satisfaction"]!.GetValue<string>());
        Assert.Empty(c["openWorkItems"]!.AsArray());

        var stages = c["journal"]!.AsArray().Select(j => j!["stage"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal(["Discover", "Accept", "Dispatch", "Handle", "Verify", "Close", "Assess", "Evaluate", "Done"], stages);
        Assert.Equal("case-lifecycle", c["workflow"]!["definitionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejecting_needs_a_comment_and_ends_the_case_rejected()
    {
        var c = await ReportPlainAsync();
        var item = CaseDriver.OpenItem(c, "Accept")["id"]!.GetValue<string>();

        var problem = await ApiClient.ProblemAsync(await _driver.Acceptor.CompleteAsync(item, "Reject"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["comment"]);
        Assert.Equal("Accept", (await _driver.CaseAsync(c["id"]!.GetValue<string>()))["stage"]!.GetValue<string>());

        c = await ApiClient.ReadAsync(await _driver.Acceptor.CompleteAsync(item, "Reject", "不属于受理范围"), HttpStatusCode.OK);
        Assert.Equal("Rejected", c["stage"]!.GetValue<string>());
        Assert.Equal("Rejected", c["status"]!.GetValue<string>());
        Assert.Empty(c["openWorkItems"]!.AsArray());
    }

    [Fact]
    public async Task A_failed_verification_sends_the_case_back_to_handling_as_rework()
    {
        var c = await ReportPlainAsync();
        c = await _driver.CompleteAsync(c, "Accept", "Accept");
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch");
        c = await _driver.CompleteAsync(c, "Handle", "Complete", "已处理");
        c = await _driver.CompleteAsync(c, "Verify", "Fail", "现场仍有问题");

        Assert.Equal("Handle", c["stage"]!.GetValue<string>());
        Assert.Equal(1, c["reworkCount"]!.GetValue<int>());
        c = await _driver.CompleteAsync(c, "Handle", "Complete", "已返工");
        c = await _driver.CompleteAsync(c, "Verify", "Pass");
        Assert.Equal(1, c["assessment"]!["reworkCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_return_goes_back_to_dispatch_and_can_be_redispatched_elsewhere()
    {
        var c = await ReportPlainAsync();
        c = await _driver.CompleteAsync(c, "Accept", "Accept");
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch");
        var first = c["departmentCode"]!.GetValue<string>();

        var handle = CaseDriver.OpenItem(c, "Handle");
        var noComment = await _driver.As($"handler.{first}").CompleteAsync(handle["id"]!.GetValue<string>(), "Return");
        await ApiClient.ProblemAsync(noComment, HttpStatusCode.BadRequest);

        c = await _driver.CompleteAsync(c, "Handle", "Return", "不属于本单位职责");
        Assert.Equal("Dispatch", c["stage"]!.GetValue<string>());
        Assert.Equal(1, c["returnCount"]!.GetValue<int>());

        var other = first == "ZJJ" ? "CGJ" : "ZJJ";
        c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch", data: new { departmentCode = other });
        Assert.Equal(other, c["departmentCode"]!.GetValue<string>());
        Assert.Equal(new[] { $"handler.{other}" }, CaseDriver.OpenItem(c, "Handle")["candidateUsers"]!.AsArray().Select(x => x!.GetValue<string>()));
    }

    [Fact]
    public async Task Unsatisfied_starts_a_second_dispatch_until_the_rounds_run_out()
    {
        var c = await ReportPlainAsync();
        c = await _driver.CompleteAsync(c, "Accept", "Accept");
        for (var round = 1; round <= 2; round++)
        {
            Assert.Equal(round, c["dispatchRound"]!.GetValue<int>());
            c = await _driver.CompleteAsync(c, "Dispatch", "Dispatch");
            c = await _driver.CompleteAsync(c, "Handle", "Complete", "已处理");
            c = await _driver.CompleteAsync(c, "Verify", "Pass");
            c = await _driver.CompleteAsync(c, "Evaluate", "Unsatisfied", "问题未解决");
            if (round == 1)
            {
                Assert.Equal("Dispatch", c["stage"]!.GetValue<string>());
                Assert.Equal("Open", c["status"]!.GetValue<string>());
            }
        }

        Assert.Equal("Done", c["stage"]!.GetValue<string>());
        Assert.Equal("Unresolved", c["resolution"]!.GetValue<string>());
        Assert.Equal(2, c["dispatchRound"]!.GetValue<int>());
        Assert.Equal("Unsatisfied", c["satisfaction"]!.GetValue<string>());
        Assert.Contains(c["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "SecondDispatch");
    }

    [Fact]
    public async Task Accepting_a_case_without_a_catalog_item_is_refused_until_one_is_given()
    {
        var c = await _driver.Acceptor.ReportAsync(itemCode: null);
        var item = CaseDriver.OpenItem(c, "Accept")["id"]!.GetValue<string>();

        var problem = await ApiClient.ProblemAsync(await _driver.Acceptor.CompleteAsync(item, "Accept"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["data.itemCode"]);
        await ApiClient.ProblemAsync(await _driver.Acceptor.CompleteAsync(item, "Accept", data: new { itemCode = "99.999" }), HttpStatusCode.BadRequest);

        var code = TestCatalog.PlainItem(app).Code;
        c = await ApiClient.ReadAsync(await _driver.Acceptor.CompleteAsync(item, "Accept", data: new { itemCode = code }), HttpStatusCode.OK);
        Assert.Equal(code, c["itemCode"]!.GetValue<string>());
        Assert.Equal("Dispatch", c["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_report_is_placed_in_the_grid_that_holds_its_point()
    {
        // JB0101G01 spans lng 120.10–120.1133, lat 30.20–30.215 in the demo org.
        var response = await _driver.Acceptor.PostAsync("/api/cases", new
        {
            channel = "App", title = "路灯不亮", location = new { lat = 30.205, lng = 120.105 },
        });
        var c = await ApiClient.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("JB0101G01", c["gridCode"]!.GetValue<string>());

        var outside = await _driver.Acceptor.PostAsync("/api/cases", new { channel = "App", title = "路灯不亮", location = new { lat = 31.5, lng = 121.5 } });
        var problem = await ApiClient.ProblemAsync(outside, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["location"]);
    }

    [Fact]
    public async Task The_case_list_filters_by_stage_and_grid()
    {
        var c = await _driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code, gridCode: "JB0402G03");
        var page = await _driver.Acceptor.GetJsonAsync("/api/cases?stage=Accept&gridCode=JB0402G03&pageSize=50");
        Assert.Contains(page["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == c["id"]!.GetValue<string>());
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal("JB0402G03", i!["gridCode"]!.GetValue<string>()));
        Assert.True(page["total"]!.GetValue<int>() >= 1);
    }
}

public sealed class SqliteClosedLoopTests(GridCaseApp app) : ClosedLoopTests(app), IClassFixture<GridCaseApp>;
