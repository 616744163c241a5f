using System.Text;
using CsvHelper;

namespace GridCase.Host.Catalog;

/// <summary>
/// The catalog as CSV: UTF-8 with a byte order mark, so that Excel in China opens it as UTF-8 instead of GBK,
/// comma separated, CRLF, quoted where needed (RFC 4180).
/// </summary>
public static class CatalogCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    // A cell starting with = + - @ would run as a formula when the file is opened in a spreadsheet (CSV
    // injection); the writer puts a ' before it, and reading takes that ' off again so the round trip stays exact.
    private const char InjectionEscape = '\'';
    private static readonly char[] InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionEscape = InjectionEscape,
    };

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        // Never guessed: the ';' inside list cells would make a detector pick the wrong separator.
        Separator = ',',
        TrackLineNumbers = true,
        TrimWhitespace = false,
    };

    static CatalogCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task WriteAsync(Stream destination, IEnumerable<string[]> rows, CancellationToken cancellationToken)
    {
        await using var writer = CsvWriter.Create(destination, WriterOptions, leaveOpen: true);
        foreach (var column in CatalogSheet.Columns) writer.WriteField(column.Header);
        await writer.EndRecordAsync(cancellationToken);
        foreach (var row in rows)
        {
            foreach (var cell in row) writer.WriteField(cell);
            await writer.EndRecordAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    public static SheetData Read(byte[] content)
    {
        using var reader = CsvReader.FromText(Decode(content), ReaderOptions);
        var rows = new List<SheetRow>();
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => Unescape(reader.GetString(i))).ToList();
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new SheetRow((int)reader.LineNumber, cells));
        }
        return new SheetData([.. reader.Headers.ToArray().Select(h => h.Trim())], rows);
    }

    /// <summary>
    /// UTF-8 (with or without a byte order mark) as exported; a file that is not valid UTF-8 was most likely saved
    /// by Excel as "CSV (逗号分隔)", which on a Chinese Windows is GB18030/GBK.
    /// </summary>
    private static string Decode(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(span);
        }
    }

    private static string Unescape(string cell) =>
        cell.Length >= 2 && cell[0] == InjectionEscape && InjectionCharacters.Contains(cell[1]) ? cell[1..] : cell;
}
