using System.Net;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.WorkItems;

/// <summary>GET /api/inbox/{view}: 我的待办 (claimed), 待领取 (to claim), 已办 (done), by page, the most urgent first.</summary>
public sealed class InboxViewTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private static IEnumerable<string> Numbers(System.Text.Json.Nodes.JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["caseNumber"]!.GetValue<string>());

    [Fact]
    public async Task Work_moves_from_claimable_to_mine_to_done()
    {
        var driver = new CaseDriver(app);
        var acceptor = driver.As("acceptor");
        var c = await acceptor.ReportAsync(TestCatalog.PlainItem(app).Code, title: "路灯不亮");
        var number = c["number"]!.GetValue<string>();
        var accept = CaseDriver.OpenItem(c, "Accept")["id"]!.GetValue<string>();

        var claimable = await acceptor.GetJsonAsync("/api/inbox/Claimable?pageSize=200");
        var row = claimable["items"]!.AsArray().Single(i => i!["caseNumber"]!.GetValue<string>() == number)!;
        Assert.Equal("路灯不亮", row["caseTitle"]!.GetValue<string>());
        Assert.Equal("JB0101G01", row["gridCode"]!.GetValue<string>());
        Assert.Equal(["Accept", "Reject"], row["workItem"]!["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.DoesNotContain(number, Numbers(await acceptor.GetJsonAsync("/api/inbox/Mine")));

        Assert.Equal(HttpStatusCode.NoContent, (await acceptor.PostAsync($"/api/work-items/{accept}/claim", null)).StatusCode);
        Assert.Contains(number, Numbers(await acceptor.GetJsonAsync("/api/inbox/Mine")));
        Assert.DoesNotContain(number, Numbers(await acceptor.GetJsonAsync("/api/inbox/Claimable?pageSize=200")));

        Assert.Equal(HttpStatusCode.OK, (await acceptor.CompleteAsync(accept, "Accept")).StatusCode);
        Assert.DoesNotContain(number, Numbers(await acceptor.GetJsonAsync("/api/inbox/Mine")));
        var done = (await acceptor.GetJsonAsync("/api/inbox/Done"))["items"]!.AsArray().Single(i => i!["caseNumber"]!.GetValue<string>() == number)!;
        Assert.Equal("Accept", done["completedOutcome"]!.GetValue<string>());
        Assert.NotNull(done["completedAt"]);
        // Someone else's done work is not in my 已办.
        Assert.DoesNotContain(number, Numbers(await driver.As("dispatcher").GetJsonAsync("/api/inbox/Done")));
    }

    [Fact]
    public async Task Pages_come_sorted_by_due_time_with_the_total()
    {
        var driver = new CaseDriver(app);
        for (var i = 0; i < 5; i++) await driver.As("acceptor").ReportAsync(null, title: $"分页{i}");
        var dispatcher = driver.As("dispatcher");
        var all = await driver.As("acceptor").GetJsonAsync("/api/inbox/Claimable?pageSize=200");
        var total = all["total"]!.GetValue<int>();
        Assert.True(total >= 5);

        var first = await driver.As("acceptor").GetJsonAsync("/api/inbox/Claimable?page=1&pageSize=2");
        var second = await driver.As("acceptor").GetJsonAsync("/api/inbox/Claimable?page=2&pageSize=2");
        Assert.Equal(total, first["total"]!.GetValue<int>());
        Assert.Equal(2, first["items"]!.AsArray().Count);
        var paged = Numbers(first).Concat(Numbers(second)).ToList();
        Assert.Equal(Numbers(all).Take(4), paged);

        var due = all["items"]!.AsArray().Select(i => i!["workItem"]!["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(due.Order(), due);
        Assert.DoesNotContain((await dispatcher.GetJsonAsync("/api/inbox/Claimable"))["items"]!.AsArray(),
            i => i!["workItem"]!["stage"]!.GetValue<string>() == "Accept");
    }

    [Theory]
    [InlineData("/api/inbox/Everything", "view")]
    [InlineData("/api/inbox/mine", "view")]
    [InlineData("/api/inbox/Mine?pageSize=0", "pageSize")]
    [InlineData("/api/inbox/Mine?page=0", "page")]
    public async Task A_bad_view_or_page_is_a_400_naming_the_field(string url, string field)
    {
        var problem = await ApiClient.ProblemAsync(await app.Client("acceptor").GetAsync(url), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field));
    }
}
