using System.Net;
using System.Text;
using GridCase.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Catalog;

/// <summary>Text that a spreadsheet would run or split survives the CSV round trip unchanged.</summary>
public sealed class CatalogCsvEscapingTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private readonly ApiClient _policy = app.Client("policy");

    private int RowCount() => app.Scoped(db => db.CatalogItems.AsNoTracking().Count());

    private async Task<byte[]> ExportAsync()
    {
        var response = await _policy.GetAsync("/api/catalog/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<HttpResponseMessage> ImportAsync(byte[] content) => _policy.PostFileAsync("/api/catalog/import", content, "x.csv", "text/csv");

    [Fact]
    public async Task Cells_that_look_like_formulas_are_escaped_in_csv_and_read_back_exactly()
    {
        var item = (await _policy.GetJsonAsync("/api/catalog/items/06.002")).AsObject();
        item["basisText"] = "=HYPERLINK(\"http://example.invalid\",\"点击\")";
        item["filingCondition"] = "-广告牌破损，有坠落风险, 需\"立即\"处置\n第二行";
        await ApiClient.ReadAsync(await _policy.PutAsync("/api/catalog/items/06.002", item), HttpStatusCode.OK);

        var csv = await ExportAsync();
        var text = Encoding.UTF8.GetString(csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\"", text);
        var rowsBefore = RowCount();
        var result = await ApiClient.ReadAsync(await ImportAsync(csv), HttpStatusCode.OK);
        Assert.Equal(0, result["updated"]!.GetValue<int>());
        Assert.Equal(rowsBefore, RowCount());
        Assert.Equal(csv, await ExportAsync());
        var back = await _policy.GetJsonAsync("/api/catalog/items/06.002");
        Assert.Equal(item["basisText"]!.GetValue<string>(), back["basisText"]!.GetValue<string>());
        Assert.Equal(item["filingCondition"]!.GetValue<string>(), back["filingCondition"]!.GetValue<string>());
    }
}
