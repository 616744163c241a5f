using System.Net;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using MiniExcelLibs;
using static GridCase.ApiTests.Repeats.RepeatReports;

namespace GridCase.ApiTests.Repeats;

/// <summary>一人多诉 / 一事多诉: the lists, within the caller's scope, with the phone as the caller may see it, and their XLSX export.</summary>
public sealed class RepeatListTests(RepeatApp app) : IClassFixture<RepeatApp>
{
    private static JsonNode? Row(JsonNode list, string key, string value) =>
        list["items"]!.AsArray().SingleOrDefault(r => r![key]!.GetValue<string>() == value);

    private static async Task<List<List<string>>> SheetAsync(ApiClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList())];
    }

    [Fact]
    public async Task A_phone_with_three_cases_in_30_days_is_a_repeat_complainant_whole_for_the_acceptor_and_masked_for_a_supervisor()
    {
        var d = new CaseDriver(app);
        var (item, _, _) = Items(app);
        var mine = new List<string>();
        for (var i = 0; i < 3; i++) mine.Add(Number(await ReportAtAsync(d.Acceptor, item.Code, 30.205 + i * 0.001, 120.115, phone: "13922220001")));
        for (var i = 0; i < 2; i++) await ReportAtAsync(d.Acceptor, item.Code, 30.205, 120.116 + i * 0.001, phone: "13922220002");
        // Three in the other subdistrict (长桥街道 JB02).
        for (var i = 0; i < 3; i++) await ReportAtAsync(d.Acceptor, item.Code, 30.205, 120.185 + i * 0.001, phone: "13922220003");

        var list = await d.Acceptor.GetJsonAsync("/api/repeat-complainants?pageSize=200");
        var row = Row(list, "phone", "13922220001")!;
        Assert.Equal(3, row["cases"]!.GetValue<int>());
        Assert.Equal("张先生", row["name"]!.GetValue<string>());
        // Latest first; on the fake clock they share one instant, so only the set is certain.
        Assert.Equal(mine.Order(), row["caseNumbers"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.Null(Row(list, "phone", "13922220002"));
        Assert.NotNull(Row(list, "phone", "13922220003"));

        var masked = await d.As("supervisor").GetJsonAsync("/api/repeat-complainants?pageSize=200");
        Assert.NotNull(Row(masked, "phone", "139****0001"));
        Assert.DoesNotContain("13922220001", masked.ToJsonString());
        var jb02 = await d.As("supervisor.JB02").GetJsonAsync("/api/repeat-complainants?pageSize=200");
        Assert.Equal(["139****0003"], jb02["items"]!.AsArray().Select(r => r!["phone"]!.GetValue<string>()));
        Assert.Equal(1, jb02["total"]!.GetValue<int>());

        var sheet = await SheetAsync(d.Acceptor, "/api/repeat-complainants?format=xlsx");
        Assert.Equal("电话 / Phone", sheet[0][0]);
        Assert.Contains(sheet, r => r[0] == "13922220001" && r[2] == "3" && r[5].Contains(mine[0]));
        var maskedSheet = await SheetAsync(d.As("supervisor"), "/api/repeat-complainants?format=xlsx");
        Assert.Contains(maskedSheet, r => r[0] == "139****0001");
        Assert.DoesNotContain(maskedSheet, r => r.Any(c => c.Contains("13922220001")));
    }

    [Fact]
    public async Task Cases_older_than_the_window_do_not_count()
    {
        var d = new CaseDriver(app);
        var (item, _, _) = Items(app);
        for (var i = 0; i < 2; i++) await ReportAtAsync(d.Acceptor, item.Code, 30.215, 120.115 + i * 0.001, phone: "13922220010");
        app.FakeClock.Advance(TimeSpan.FromDays(31));
        d = new CaseDriver(app); // tokens last 8 hours
        await ReportAtAsync(d.Acceptor, item.Code, 30.215, 120.118, phone: "13922220010");

        Assert.Null(Row(await d.Acceptor.GetJsonAsync("/api/repeat-complainants?pageSize=200"), "phone", "13922220010"));
        await ReportAtAsync(d.Acceptor, item.Code, 30.215, 120.119, phone: "13922220010");
        await ReportAtAsync(d.Acceptor, item.Code, 30.215, 120.120, phone: "13922220010");
        Assert.Equal(3, Row(await d.Acceptor.GetJsonAsync("/api/repeat-complainants?pageSize=200"), "phone", "13922220010")!["cases"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_master_with_two_merged_reports_is_a_repeat_matter_within_its_scope_and_exported()
    {
        var d = new CaseDriver(app);
        var (item, _, _) = Items(app);
        var master = await ReportAtAsync(d.Acceptor, item.Code, 30.225, 120.115);
        var single = await ReportAtAsync(d.Acceptor, item.Code, 30.225, 120.118);
        var reports = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var r = await ReportAtAsync(d.Acceptor, item.Code, 30.225 + i * 10 * Metre, 120.115);
            await ApiClient.ReadAsync(await d.Acceptor.PostAsync($"/api/cases/{Id(r)}/merge", new { masterCaseId = Id(master) }), HttpStatusCode.OK);
            reports.Add(Number(r));
        }
        var once = await ReportAtAsync(d.Acceptor, item.Code, 30.225, 120.1181);
        await ApiClient.ReadAsync(await d.Acceptor.PostAsync($"/api/cases/{Id(once)}/merge", new { masterCaseId = Id(single) }), HttpStatusCode.OK);

        var list = await d.As("supervisor").GetJsonAsync("/api/repeat-matters?pageSize=200");
        var row = Row(list, "number", Number(master))!;
        Assert.Equal(2, row["mergedReports"]!.GetValue<int>());
        Assert.Equal(reports.Order(), row["mergedCaseNumbers"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.Equal(item.Code, row["itemCode"]!.GetValue<string>());
        Assert.Null(Row(list, "number", Number(single)));
        Assert.Null(Row(await d.As("supervisor.JB02").GetJsonAsync("/api/repeat-matters?pageSize=200"), "number", Number(master)));

        var sheet = await SheetAsync(d.As("supervisor"), "/api/repeat-matters?format=xlsx");
        Assert.Equal("主案件 / Master", sheet[0][0]);
        Assert.Contains(sheet, r => r[0] == Number(master) && r[6] == "2" && r[8].Contains(reports[0]) && r[8].Contains(reports[1]));
        Assert.DoesNotContain(sheet, r => r[0] == Number(single));
    }

    [Theory]
    [InlineData("/api/repeat-complainants")]
    [InlineData("/api/repeat-matters")]
    public async Task Other_roles_are_403_and_bad_paging_or_format_is_400(string url)
    {
        var d = new CaseDriver(app);
        foreach (var user in new[] { "handler.CGJ", "dispatcher", "grid.JB0101G01", "policy" })
            await ApiClient.ProblemAsync(await d.As(user).GetAsync(url), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await app.CreateClient().GetAsync(url), HttpStatusCode.Unauthorized);

        var bad = await ApiClient.ProblemAsync(await d.Acceptor.GetAsync($"{url}?page=0&pageSize=500&format=csv"), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["page"]);
        Assert.NotNull(bad["errors"]!["pageSize"]);
        Assert.NotNull(bad["errors"]!["format"]);
        foreach (var user in new[] { "acceptor", "callback", "supervisor", "admin" })
            await d.As(user).GetJsonAsync(url);
    }
}
