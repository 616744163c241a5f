using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Cases;

/// <summary>
/// <c>Prefer: return=minimal</c> on a report or a completion answers with where the case stands and who acts next,
/// not the whole case; the write itself is the same, and without the header the whole case comes back as before.
/// </summary>
public sealed class MinimalReturnTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private static async Task<HttpResponseMessage> PostMinimalAsync(ApiClient client, string url, object body)
    {
        await client.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Prefer", "respond-async, return=minimal");
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_report_and_a_completion_answer_with_the_stage_and_the_next_work_only()
    {
        var driver = new CaseDriver(app);
        var reported = await PostMinimalAsync(driver.Acceptor, "/api/cases", new
        {
            channel = "Hotline12345", title = "井盖缺失", description = "市民来电反映", itemCode = TestCatalog.PlainItem(app).Code,
            location = new { gridCode = "JB0101G01", address = "滨江路 18 号" }, reporter = new { name = "张先生", phone = "13800000000" },
        });
        var c = await ApiClient.ReadAsync(reported, HttpStatusCode.Created);
        Assert.Equal("return=minimal", reported.Headers.GetValues("Preference-Applied").Single());
        Assert.Equal(["id", "number", "stage", "status", "gridCode", "openWorkItems"], c.AsObject().Select(p => p.Key));
        Assert.Equal("Accept", c["stage"]!.GetValue<string>());
        var accept = CaseDriver.OpenItem(c, "Accept");
        Assert.Contains("acceptor", accept["candidateUsers"]!.AsArray().Select(u => u!.GetValue<string>()));

        var completed = await PostMinimalAsync(driver.Acceptor, $"/api/work-items/{accept["id"]}/complete", new { outcome = "Accept" });
        var progress = await ApiClient.ReadAsync(completed, HttpStatusCode.OK);
        Assert.Equal("Dispatch", progress["stage"]!.GetValue<string>());
        Assert.Null(progress["journal"]);
        var dispatch = CaseDriver.OpenItem(progress, "Dispatch");

        // The same write as without the header: the whole case, read back, shows it.
        var whole = await driver.CaseAsync(c["id"]!.GetValue<string>());
        Assert.Equal(dispatch["id"]!.GetValue<string>(), CaseDriver.OpenItem(whole, "Dispatch")["id"]!.GetValue<string>());
        Assert.Contains(whole["journal"]!.AsArray(), j => j!["event"]!.GetValue<string>() == "TaskCompleted");

        var plain = await driver.As(dispatch["candidateUsers"]![0]!.GetValue<string>()).CompleteAsync(dispatch["id"]!.GetValue<string>(), "Dispatch");
        Assert.False(plain.Headers.Contains("Preference-Applied"));
        Assert.NotNull((await ApiClient.ReadAsync(plain, HttpStatusCode.OK))["journal"]);
    }
}
