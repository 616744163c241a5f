using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridCase.ApiTests.Catalog;

/// <summary>The catalog as CSV and XLSX: exact round trips, all-or-nothing imports with every bad row named.</summary>
public sealed class CatalogImportExportTests(GridCaseApp app) : IClassFixture<GridCaseApp>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly string[] Headers =
        ["事项编码", "事项名称", "大类编码", "立案条件", "结案标准", "结案要求", "处置时限", "日历", "紧急程度", "权属单位", "协办单位", "三定依据类型", "三定依据", "关键词"];

    private readonly ApiClient _policy = app.Client("policy");

    private async Task<byte[]> ExportAsync(string format)
    {
        var response = await _policy.GetAsync($"/api/catalog/export?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format == "csv" ? "text/csv" : Xlsx, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<HttpResponseMessage> ImportAsync(byte[] content, string fileName, ApiClient? client = null) =>
        (client ?? _policy).PostFileAsync("/api/catalog/import", content, fileName, fileName.EndsWith(".csv") ? "text/csv" : Xlsx);

    private int RowCount() => app.Scoped(db => db.CatalogItems.AsNoTracking().Count());

    private static List<string[]> CsvLines(byte[] csv) =>
        [.. Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];

    private static List<List<string>> Cells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList())];
    }

    [Fact]
    public async Task Csv_export_is_utf8_with_bom_and_chinese_headers()
    {
        var csv = await ExportAsync("csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith(string.Join(",", Headers) + "\r\n", text);
        Assert.Contains("01.001,井盖缺失（主干道）,01,", text);
        Assert.Contains("处置前照片;处置后照片;核查通过,PT2H,自然日,特急,CGJ,SWJ,法定,", text);
    }

    [Fact]
    public async Task Csv_round_trip_is_byte_exact_and_writes_no_version()
    {
        var first = await ExportAsync("csv");
        var rowsBefore = RowCount();
        var result = await ApiClient.ReadAsync(await ImportAsync(first, "事项清单.csv"), HttpStatusCode.OK);
        var total = app.Scoped(db => db.CatalogItems.Count(i => i.IsCurrent));
        Assert.Equal(total, result["rows"]!.GetValue<int>());
        Assert.Equal(total, result["unchanged"]!.GetValue<int>());
        Assert.Equal(0, result["created"]!.GetValue<int>() + result["updated"]!.GetValue<int>());
        Assert.Equal(rowsBefore, RowCount());
        Assert.Equal(first, await ExportAsync("csv"));
    }

    [Fact]
    public async Task Xlsx_round_trip_keeps_every_cell_value()
    {
        var first = await ExportAsync("xlsx");
        var cells = Cells(first);
        Assert.Equal(Headers, cells[0]);
        Assert.Equal(app.Scoped(db => db.CatalogItems.Count(i => i.IsCurrent)) + 1, cells.Count);
        var rowsBefore = RowCount();

        var result = await ApiClient.ReadAsync(await ImportAsync(first, "事项清单.xlsx"), HttpStatusCode.OK);
        Assert.Equal(result["rows"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>());
        Assert.Equal(rowsBefore, RowCount());
        Assert.Equal(cells, Cells(await ExportAsync("xlsx")));
    }

    [Fact]
    public async Task Csv_and_xlsx_carry_the_same_cells()
    {
        var csv = Encoding.UTF8.GetString((await ExportAsync("csv"))[3..]);
        var xlsx = Cells(await ExportAsync("xlsx"));
        // No shipped text needs quoting, so the CSV can be split naively here.
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',').ToList()).ToList();
        Assert.Equal(xlsx, lines);
    }

    [Fact]
    public async Task An_import_with_errors_names_every_bad_row_and_imports_nothing()
    {
        var lines = CsvLines(await ExportAsync("csv"));
        var text = new StringBuilder("\uFEFF" + string.Join(",", Headers) + "\r\n");
        void Row(params string[] cells) => text.Append(string.Join(",", cells)).Append("\r\n");
        var good = lines[1];
        var changed = (string[])lines[2].Clone();
        changed[6] = "P9D";
        Row(good);                                                                                       // row 2: fine
        Row(changed);                                                                                    // row 3: fine (a change)
        Row([.. good[..6], "P1X", .. good[7..]]);                                                        // row 4: bad duration (and repeats row 2's code)
        Row(["03.950", "新事项甲", "03", "", "结案", "", "PT4H", "工作日", "一般", "NOPE", "", "法定", "", ""]);  // row 5: unknown owner
        Row(["03.951", "新事项乙", "77", "", "", "自拍", "PT4H", "阴历", "很急", "CGJ", "CGJ", "猜的", "", ""]); // row 6: many
        Row(["03.952", "新事项丙", "03", "", "结案", "", "PT4H", "工作日", "一般", "CGJ", "", "法定", "", ""]);   // row 7: fine (new)
        Row(["03.953", "新事项丙", "03", "", "结案", "", "PT4H", "工作日", "一般", "CGJ", "", "法定", "", ""]);   // row 8: name of row 7
        var rowsBefore = RowCount();

        var problem = await ApiClient.ProblemAsync(await ImportAsync(Encoding.UTF8.GetBytes(text.ToString()), "bad.csv"), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["row 4", "row 5", "row 6", "row 8"], errors.Select(e => e.Key).Order());
        var row4 = errors["row 4"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(row4, m => m.StartsWith("处置时限:") && m.Contains("P1X"));
        Assert.Contains(row4, m => m.StartsWith("事项编码:") && m.Contains("第 2 行"));
        Assert.Contains(errors["row 5"]!.AsArray(), m => m!.GetValue<string>().StartsWith("权属单位:"));
        var row6 = string.Join("\n", errors["row 6"]!.AsArray().Select(m => m!.GetValue<string>()));
        foreach (var header in new[] { "大类编码:", "结案标准:", "结案要求:", "日历:", "紧急程度:", "三定依据类型:" })
            Assert.Contains(header, row6);
        Assert.Contains(errors["row 8"]!.AsArray(), m => m!.GetValue<string>().StartsWith("事项名称:") && m.GetValue<string>().Contains("第 7 行"));

        Assert.Equal(rowsBefore, RowCount());
        await ApiClient.ProblemAsync(await _policy.GetAsync("/api/catalog/items/03.952"), HttpStatusCode.NotFound);
        Assert.NotEqual("P9D", (await _policy.GetJsonAsync($"/api/catalog/items/{changed[0]}"))["timeLimit"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_valid_import_creates_new_items_and_versions_only_changed_ones()
    {
        var lines = CsvLines(await ExportAsync("csv"));
        var target = lines.FindIndex(l => l[0] == "04.003");
        var changed = (string[])lines[target].Clone();
        changed[6] = "P3D";
        changed[7] = "Working";          // English names are read as well as the Chinese words
        changed[13] = "树倒了；大树；挡路";  // and the full-width separator Chinese keyboards type
        var text = new StringBuilder("\uFEFF" + string.Join(",", Headers) + "\r\n");
        text.Append(string.Join(",", lines[target - 1])).Append("\r\n");
        text.Append(string.Join(",", changed)).Append("\r\n");
        text.Append("\r\n");
        text.Append("04.960,行道树树穴缺失,04,行道树树穴盖板缺失或破损,补齐树穴盖板,处置后照片,P5D,工作日,一般,YLLHJ,CGJ,商定,区园林绿化养护协议,树穴;盖板\r\n");
        var rowsBefore = RowCount();
        var unchangedVersion = (await _policy.GetJsonAsync($"/api/catalog/items/{lines[target - 1][0]}"))["version"]!.GetValue<int>();

        var result = await ApiClient.ReadAsync(await ImportAsync(Encoding.UTF8.GetBytes(text.ToString()), "upsert.csv"), HttpStatusCode.OK);
        Assert.Equal(3, result["rows"]!.GetValue<int>());
        Assert.Equal(1, result["created"]!.GetValue<int>());
        Assert.Equal(1, result["updated"]!.GetValue<int>());
        Assert.Equal(1, result["unchanged"]!.GetValue<int>());
        Assert.Equal(rowsBefore + 2, RowCount());

        var updated = await _policy.GetJsonAsync("/api/catalog/items/04.003");
        Assert.Equal("P3D", updated["timeLimit"]!.GetValue<string>());
        Assert.Equal(["树倒了", "大树", "挡路"], updated["keywords"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal(2, updated["version"]!.GetValue<int>());
        Assert.Equal(unchangedVersion, (await _policy.GetJsonAsync($"/api/catalog/items/{lines[target - 1][0]}"))["version"]!.GetValue<int>());
        var created = await _policy.GetJsonAsync("/api/catalog/items/04.960");
        Assert.Equal(["AfterPhoto"], created["closureRequirements"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal("Agreed", created["responsibilityBasis"]!.GetValue<string>());
        Assert.Equal(["CGJ"], created["coHandlerDepartmentCodes"]!.AsArray().Select(k => k!.GetValue<string>()));

        // The suggestion index follows the import.
        var suggestions = (await _policy.GetJsonAsync($"/api/catalog/suggest?text={Uri.EscapeDataString("人行道上的树穴盖板没了")}")).AsArray();
        Assert.Equal("04.960", suggestions[0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_xlsx_import_reports_sheet_row_numbers()
    {
        var cells = Cells(await ExportAsync("xlsx"));
        var rows = new List<Dictionary<string, object?>>();
        Dictionary<string, object?> Row(IReadOnlyList<string> values) => Headers.Select((h, i) => (h, (object?)values[i])).ToDictionary(p => p.h, p => p.Item2);
        rows.Add(Row(cells[1]));
        rows.Add(Row([.. cells[2].Take(9), "JB0101G01", .. cells[2].Skip(10)]));
        rows.Add(Row(cells[3]));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, excelType: ExcelType.XLSX);
        var rowsBefore = RowCount();

        var problem = await ApiClient.ProblemAsync(await ImportAsync(stream.ToArray(), "edited.xlsx"), HttpStatusCode.BadRequest);
        Assert.Equal(["row 3"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.StartsWith("权属单位:", problem["errors"]!["row 3"]![0]!.GetValue<string>());
        Assert.Equal(rowsBefore, RowCount());
    }

    [Fact]
    public async Task A_gbk_csv_saved_by_excel_is_read()
    {
        var lines = CsvLines(await ExportAsync("csv"));
        var row = (string[])lines.First(l => l[0] == "05.004").Clone();
        row[12] = "依据《城市市容和环境卫生管理条例》（GBK 编码）";
        var text = string.Join(",", Headers) + "\r\n" + string.Join(",", row) + "\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var result = await ApiClient.ReadAsync(await ImportAsync(Encoding.GetEncoding("GB18030").GetBytes(text), "excel.csv"), HttpStatusCode.OK);
        Assert.Equal(1, result["updated"]!.GetValue<int>());
        Assert.Equal(row[12], (await _policy.GetJsonAsync("/api/catalog/items/05.004"))["basisText"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_files_and_wrong_users_are_refused()
    {
        var rowsBefore = RowCount();
        var csv = await ExportAsync("csv");
        await ApiClient.ProblemAsync(await ImportAsync(csv, "x.csv", app.Client("acceptor")), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await ImportAsync(csv, "x.csv", app.Client("handler.CGJ")), HttpStatusCode.Forbidden);

        var problem = await ApiClient.ProblemAsync(await ImportAsync([], "empty.csv"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["file"]);
        problem = await ApiClient.ProblemAsync(await ImportAsync(Encoding.UTF8.GetBytes("编码,名称\r\n01.001,井盖\r\n"), "short.csv"), HttpStatusCode.BadRequest);
        Assert.Contains("结案标准", problem["errors"]!["file"]![0]!.GetValue<string>());
        problem = await ApiClient.ProblemAsync(await ImportAsync(Encoding.UTF8.GetBytes("not a workbook"), "book.xlsx"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["file"]);
        problem = await ApiClient.ProblemAsync(await ImportAsync([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "broken.xlsx"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["file"]);
        var noFile = await _policy.PostAsync("/api/catalog/import", new { file = "x" });
        Assert.NotNull((await ApiClient.ProblemAsync(noFile, HttpStatusCode.BadRequest))["errors"]!["file"]);
        await ApiClient.ProblemAsync(await _policy.GetAsync("/api/catalog/export?format=pdf"), HttpStatusCode.BadRequest);
        Assert.Equal(rowsBefore, RowCount());
    }
}
