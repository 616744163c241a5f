using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Cases;

/// <summary>
/// The long lists (cases, inbox, supervision) count their total only up to Lists:TotalLimit; past it the page says the
/// total is a lower bound. Here the limit is 3, so five cases show it.
/// </summary>
public sealed class ListTotalTests(ListTotalTests.SmallLimitApp app) : IClassFixture<ListTotalTests.SmallLimitApp>
{
    public sealed class SmallLimitApp : GridCaseApp
    {
        public SmallLimitApp() => Settings["Lists:TotalLimit"] = "3";
    }

    private static (int Items, int Total, bool LowerBound) Read(JsonNode page) =>
        (page["items"]!.AsArray().Count, page["total"]!.GetValue<int>(), page["totalIsLowerBound"]!.GetValue<bool>());

    private static string WorkItemId(JsonNode? row) => row!["workItem"]!["id"]!.GetValue<string>();

    [Fact]
    public async Task Past_the_limit_the_total_is_a_lower_bound_and_the_last_page_tells_the_exact_total()
    {
        var driver = new CaseDriver(app);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await driver.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code, title: $"计数{i}"))["id"]!.GetValue<string>());
        foreach (var id in ids.Take(4))
            await ApiClient.ReadAsync(await driver.As("supervisor").PostAsync($"/api/cases/{id}/supervision", new { reason = "领导批示" }), HttpStatusCode.Created);
        var dispatcher = driver.As("dispatcher");

        Assert.Equal((2, 3, true), Read(await dispatcher.GetJsonAsync("/api/cases?page=1&pageSize=2")));
        // A full page beyond the limit: at least the rows up to its end.
        Assert.Equal((2, 4, true), Read(await dispatcher.GetJsonAsync("/api/cases?page=2&pageSize=2")));
        Assert.Equal((1, 5, false), Read(await dispatcher.GetJsonAsync("/api/cases?page=3&pageSize=2")));
        Assert.Equal((0, 3, true), Read(await dispatcher.GetJsonAsync("/api/cases?page=4&pageSize=2")));
        Assert.Equal((5, 5, false), Read(await dispatcher.GetJsonAsync("/api/cases?pageSize=20")));
        // Filters still apply to what is counted.
        Assert.Equal((0, 0, false), Read(await dispatcher.GetJsonAsync("/api/cases?stage=Done")));

        Assert.Equal((2, 3, true), Read(await driver.Acceptor.GetJsonAsync("/api/inbox/Claimable?pageSize=2")));
        Assert.Equal((5, 5, false), Read(await driver.Acceptor.GetJsonAsync("/api/inbox/Claimable?pageSize=20")));
        Assert.Equal((0, 0, false), Read(await driver.Acceptor.GetJsonAsync("/api/inbox/Mine")));
        // Past the limit the inbox reads its pages walking open work by due time: the same order, page after page.
        var all = (await driver.Acceptor.GetJsonAsync("/api/inbox/Claimable?pageSize=20"))["items"]!.AsArray();
        var paged = new List<JsonNode?>();
        for (var p = 1; p <= 3; p++) paged.AddRange((await driver.Acceptor.GetJsonAsync($"/api/inbox/Claimable?page={p}&pageSize=2"))["items"]!.AsArray());
        Assert.Equal(all.Select(WorkItemId), paged.Select(WorkItemId));
        var due = all.Select(i => i!["workItem"]!["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(due.Order(), due);

        Assert.Equal((2, 3, true), Read(await dispatcher.GetJsonAsync("/api/supervision?pageSize=2")));
        Assert.Equal((4, 4, false), Read(await dispatcher.GetJsonAsync("/api/supervision?pageSize=20")));
        // A subdistrict's supervisor counts only what lies inside it: all five lie in JB01, none in JB02.
        Assert.Equal((0, 0, false), Read(await driver.As("supervisor.JB02").GetJsonAsync("/api/supervision?pageSize=2")));
    }
}
