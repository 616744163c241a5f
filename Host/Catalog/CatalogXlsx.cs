using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using GridCase.Host.Exports;

namespace GridCase.Host.Catalog;

/// <summary>The catalog as an Excel workbook (written through <see cref="XlsxSheet"/>) and read back for import.</summary>
public static class CatalogXlsx
{
    public const string ContentType = XlsxSheet.ContentType;

    private static readonly Dictionary<string, double> Widths = new()
    {
        ["事项编码"] = 10, ["事项名称"] = 28, ["大类编码"] = 9, ["立案条件"] = 40, ["结案标准"] = 40, ["结案要求"] = 24,
        ["处置时限"] = 10, ["日历"] = 8, ["紧急程度"] = 9, ["权属单位"] = 10, ["协办单位"] = 16, ["三定依据类型"] = 12,
        ["三定依据"] = 36, ["关键词"] = 30,
    };

    public static Task WriteAsync(Stream destination, IEnumerable<string[]> rows, CancellationToken cancellationToken) =>
        XlsxSheet.WriteAsync(destination, CatalogSheet.SheetName,
            [.. CatalogSheet.Columns.Select(c => new XlsxColumn(c.Header, Widths[c.Header]))], rows, cancellationToken);

    /// <summary>Reads the first sheet; row numbers are the sheet's own, blank rows in between included in the count.</summary>
    /// <exception cref="InvalidDataException">More than <paramref name="maxRows"/> rows: a small zip can unpack into millions.</exception>
    public static async Task<SheetData> ReadAsync(byte[] content, int maxRows, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        var configuration = new OpenXmlConfiguration { IgnoreEmptyRows = false, FillMergedCells = false };
        var query = await stream.QueryAsync(useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
        IReadOnlyList<string> headers = [];
        var rows = new List<SheetRow>();
        var number = 0;
        foreach (IDictionary<string, object?> record in query)
        {
            if (++number > maxRows + 1)
                throw new InvalidDataException($"超过 {maxRows} 行 / more than {maxRows} rows");
            var cells = record.Values.Select(Text).ToList();
            if (number == 1) headers = [.. cells.Select(c => c.Trim())];
            else if (!cells.All(string.IsNullOrWhiteSpace)) rows.Add(new SheetRow(number, cells));
        }
        return new SheetData(headers, rows);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
