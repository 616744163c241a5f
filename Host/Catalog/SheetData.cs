namespace GridCase.Host.Catalog;

/// <summary>A table read from an uploaded file: its header and its non-blank rows, numbered as the file shows them.</summary>
public sealed record SheetData(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <param name="Number">The line (CSV) or row (XLSX) the record starts on, the header being 1.</param>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);
