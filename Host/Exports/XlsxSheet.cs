using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace GridCase.Host.Exports;

/// <summary>A header and its column width in characters.</summary>
public sealed record XlsxColumn(string Header, double Width);

/// <summary>
/// A list as an Excel workbook of one sheet: every cell text, header frozen with a filter. Every list the users take
/// to a meeting (catalog, supervision, repeat complaints) is exported through this one shape.
/// </summary>
public static class XlsxSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(Stream destination, string sheetName, IReadOnlyList<XlsxColumn> columns,
        IEnumerable<string[]> rows, CancellationToken cancellationToken)
    {
        // A table rather than row dictionaries, so the header is written even when there is no row.
        using var table = new DataTable(sheetName) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns) table.Columns.Add(column.Header, typeof(string));
        foreach (var row in rows) table.Rows.Add(row.Cast<object>().ToArray());
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = true,
            FreezeRowCount = 1,
            DynamicColumns = [.. columns.Select(c => new DynamicExcelColumn(c.Header) { Width = c.Width })],
        };
        await destination.SaveAsAsync(table, printHeader: true, sheetName: sheetName, excelType: ExcelType.XLSX,
            configuration: configuration, cancellationToken: cancellationToken);
    }

    /// <summary>The workbook as a download named after the sheet.</summary>
    public static async Task<FileContentHttpResult> FileAsync(string sheetName, IReadOnlyList<XlsxColumn> columns,
        IEnumerable<string[]> rows, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, sheetName, columns, rows, cancellationToken);
        return TypedResults.File(buffer.ToArray(), ContentType, $"{sheetName}.xlsx");
    }
}
