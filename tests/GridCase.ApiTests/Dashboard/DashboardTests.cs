using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Dashboard;

/// <summary>GET /api/dashboard: the figures of the caller's scope, counted from the cases themselves.</summary>
public sealed class DashboardTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    [Fact]
    public async Task The_figures_follow_the_cases_and_the_callers_scope()
    {
        var driver = new CaseDriver(app);
        var item = TestCatalog.PlainItem(app).Code;
        // One case round the whole loop (closed, satisfied), one waiting in Handle, one in another community's grid.
        var closed = await driver.Acceptor.ReportAsync(item);
        closed = await driver.CompleteAsync(closed, "Accept", "Accept");
        closed = await driver.CompleteAsync(closed, "Dispatch", "Dispatch");
        closed = await driver.CompleteAsync(closed, "Handle", "Complete", "已处理");
        closed = await driver.CompleteAsync(closed, "Verify", "Pass");
        closed = await driver.CompleteAsync(closed, "Evaluate", "Satisfied");
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        await driver.ToHandleAsync(item);
        await driver.Acceptor.ReportAsync(null, gridCode: "JB0302G01", title: "暴露垃圾");

        var district = await driver.As("supervisor").GetJsonAsync("/api/dashboard");
        Assert.Equal(3, district["totalCases"]!.GetValue<int>());
        Assert.Equal(2, district["openCases"]!.GetValue<int>());
        int Stage(System.Text.Json.Nodes.JsonNode d, string stage) =>
            d["byStage"]!.AsArray().Single(s => s!["stage"]!.GetValue<string>() == stage)!["count"]!.GetValue<int>();
        Assert.Equal(1, Stage(district, "Handle"));
        Assert.Equal(1, Stage(district, "Accept"));
        Assert.Equal(1, Stage(district, "Done"));
        Assert.Equal(1, district["onTimeClosure"]!["of"]!.GetValue<int>());
        Assert.Equal(1.0, district["onTimeClosure"]!["rate"]!.GetValue<double>());
        Assert.Equal(1.0, district["satisfaction"]!["rate"]!.GetValue<double>());

        var trend = district["trend"]!.AsArray();
        Assert.Equal(30, trend.Count);
        Assert.Equal(3, trend[^1]!["reported"]!.GetValue<int>());
        Assert.Equal(1, trend[^1]!["closed"]!.GetValue<int>());
        Assert.Equal(3, trend.Sum(d => d!["reported"]!.GetValue<int>()));

        var category = item.Split('.')[0];
        var top = district["topCategoriesThisWeek"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == category)!;
        Assert.Equal(2, top["count"]!.GetValue<int>());
        Assert.NotEqual(category, top["name"]!.GetValue<string>());

        var grids = district["openByGrid"]!.AsArray();
        Assert.Equal(1, grids.Single(g => g!["code"]!.GetValue<string>() == "JB0101G01")!["count"]!.GetValue<int>());
        Assert.Equal(1, grids.Single(g => g!["code"]!.GetValue<string>() == "JB0302G01")!["count"]!.GetValue<int>());

        // A grid worker's dashboard holds their grid's cases only.
        var grid = await driver.As("grid.JB0302G01").GetJsonAsync("/api/dashboard");
        Assert.Equal(1, grid["totalCases"]!.GetValue<int>());
        Assert.Equal("JB0302G01", Assert.Single(grid["openByGrid"]!.AsArray())!["code"]!.GetValue<string>());
        Assert.Null(grid["onTimeClosure"]!["rate"]);
    }
}
