using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.Scope;

/// <summary>Lists stay inside the caller's org scope; the reporter's phone is whole only for those who call residents.</summary>
public sealed class ScopeAndPrivacyTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    /// <summary>A case of a plain item in <paramref name="grid"/>, handled, waiting in Verify with the grid's worker.</summary>
    private async Task<JsonNode> InVerifyAsync(CaseDriver d, string grid)
    {
        var c = await d.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code, gridCode: grid);
        c = await d.CompleteAsync(c, "Accept", "Accept");
        c = await d.CompleteAsync(c, "Dispatch", "Dispatch");
        return await d.CompleteAsync(c, "Handle", "Complete", "已处理");
    }

    private static async Task<string> AskExtensionAsync(CaseDriver d, JsonNode c, string grid)
    {
        var item = CaseDriver.OpenItem(c, "Verify");
        var newDue = item["dueAt"]!.GetValue<DateTimeOffset>().AddDays(2);
        var response = await d.As($"grid.{grid}").PostAsync($"/api/work-items/{item["id"]}/extension-requests", new { reason = "需再次到场", newDueAt = newDue });
        return (await ApiClient.ReadAsync(response, HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    private static async Task<List<string>> ExtensionIdsAsync(CaseDriver d, string user) =>
        [.. (await d.As(user).GetJsonAsync("/api/extension-requests")).AsArray().Select(e => e!["id"]!.GetValue<string>())];

    [Fact]
    public async Task Extension_requests_are_listed_within_the_callers_org_scope()
    {
        var d = new CaseDriver(app);
        var inJb01 = await AskExtensionAsync(d, await InVerifyAsync(d, "JB0101G01"), "JB0101G01");
        var inJb03 = await AskExtensionAsync(d, await InVerifyAsync(d, "JB0301G01"), "JB0301G01");

        var district = await ExtensionIdsAsync(d, "supervisor");
        Assert.Contains(inJb01, district);
        Assert.Contains(inJb03, district);

        var jb01 = await ExtensionIdsAsync(d, "supervisor.JB01");
        Assert.Contains(inJb01, jb01);
        Assert.DoesNotContain(inJb03, jb01);
        Assert.Empty(await ExtensionIdsAsync(d, "supervisor.JB02"));
        // Deciding was already scoped; listing now says the same thing.
        await ApiClient.ProblemAsync(await d.As("supervisor.JB01").PostAsync($"/api/extension-requests/{inJb03}/approve", new { }), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("acceptor", "13800000000")]
    [InlineData("callback", "13800000000")]
    [InlineData("admin", "13800000000")]
    [InlineData("dispatcher", "138****0000")]
    [InlineData("supervisor", "138****0000")]
    [InlineData("policy", "138****0000")]
    [InlineData("grid.JB0101G01", "138****0000")]
    [InlineData("handler.CGJ", "138****0000")]
    public async Task The_reporters_phone_is_whole_only_for_those_who_call_residents(string user, string shown)
    {
        var d = new CaseDriver(app);
        var c = await d.Acceptor.ReportAsync(TestCatalog.PlainItem(app).Code);
        c = await d.CompleteAsync(c, "Accept", "Accept");
        c = await d.CompleteAsync(c, "Dispatch", "Dispatch", data: new { departmentCode = "CGJ" });
        var id = c["id"]!.GetValue<string>();

        var seen = await d.As(user).GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(shown, seen["reporter"]!["phone"]!.GetValue<string>());
        Assert.Equal("张先生", seen["reporter"]!["name"]!.GetValue<string>());
        // The page of a completed work item is the same case as that user sees it.
        if (user == "handler.CGJ")
        {
            var handled = await ApiClient.ReadAsync(
                await d.As(user).CompleteAsync(CaseDriver.OpenItem(seen, "Handle")["id"]!.GetValue<string>(), "Complete", "已处理"), HttpStatusCode.OK);
            Assert.Equal(shown, handled["reporter"]!["phone"]!.GetValue<string>());
        }
        // No list or export carries the phone at all.
        var list = await d.As(user).GetAsync("/api/cases?pageSize=200");
        if (list.StatusCode == HttpStatusCode.OK) Assert.DoesNotContain("13800000000", await list.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("13800000000", "138****0000")]
    [InlineData("0571-88886666", "057******6666")]
    [InlineData("1234567", "*****67")]
    [InlineData("12", "*2")]
    [InlineData("", "")]
    public void A_phone_is_masked_in_the_middle(string phone, string masked) =>
        Assert.Equal(masked, GridCase.Host.Cases.ReporterPrivacy.Mask(phone));
}
