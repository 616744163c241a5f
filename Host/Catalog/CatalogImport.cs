using GridCase.Domain;
using GridCase.Domain.Catalog;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Catalog;

/// <summary>
/// Imports a catalog table (CSV or XLSX) all or nothing: every bad row is reported with its row number and
/// nothing is written, or every row is applied in one transaction. A row that changes an item writes its next
/// version; a row equal to the current version writes nothing; items missing from the file are left as they are.
/// </summary>
public sealed class CatalogImport(GridCaseDbContext db, OrgDirectory org, CatalogSuggester suggester, TimeProvider clock)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public async Task<CatalogImportResultDto> ImportAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var sheet = await ReadAsync(fileName, content, cancellationToken);
        var columns = MapColumns(sheet.Headers);
        if (sheet.Rows.Count > MaxRows)
            throw FileError($"最多 {MaxRows} 行 / at most {MaxRows} rows");

        var categories = await db.CatalogCategories.AsNoTracking().Select(c => c.Code).ToHashSetAsync(cancellationToken);
        var current = await db.CatalogItems.Where(i => i.IsCurrent).ToDictionaryAsync(i => i.Code, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var parsed = new List<(SheetRow Row, CatalogItem Item)>();
        var firstRowOfCode = new Dictionary<string, int>();
        foreach (var row in sheet.Rows)
        {
            var cells = columns.Select(i => i < row.Cells.Count ? row.Cells[i] : "").ToList();
            var request = CatalogSheet.FromRow(cells);
            var fieldErrors = new Dictionary<string, string[]>();
            var code = CatalogItemRules.CheckCode(request.Code, fieldErrors);
            var item = CatalogItemRules.Validate(code ?? "", request, categories, org.IsDepartment, fieldErrors);
            if (code is not null && !firstRowOfCode.TryAdd(code, row.Number))
                fieldErrors["code"] = [$"事项编码 {code} 与第 {firstRowOfCode[code]} 行重复 / code {code} repeats row {firstRowOfCode[code]}"];
            if (fieldErrors.Count > 0) AddRowErrors(errors, row.Number, fieldErrors);
            else parsed.Add((row, item!));
        }
        CheckNames(parsed, current, errors);
        if (errors.Count > 0)
            throw new DomainException($"导入失败：{errors.Count} 行有误，未导入任何数据 / import refused: {errors.Count} bad rows, nothing imported", errors);

        var now = clock.GetUtcNow();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (_, item) in parsed)
        {
            if (!current.TryGetValue(item.Code, out var existing))
            {
                db.CatalogItems.Add(CatalogItemRules.NextVersion(item, 1, now));
                created++;
            }
            else if (CatalogItemRules.SameContent(existing, item)) unchanged++;
            else
            {
                existing.IsCurrent = false;
                db.CatalogItems.Add(CatalogItemRules.NextVersion(item, existing.Version + 1, now));
                updated++;
            }
        }
        if (created + updated > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                // The unique (Code, Version) index: an item was edited while the file was being imported.
                throw new ConflictException("导入期间事项被他人修改，未导入任何数据，请重试 / items changed during the import; nothing was imported, retry");
            }
            await suggester.RebuildAsync(db, cancellationToken);
        }
        return new CatalogImportResultDto(sheet.Rows.Count, created, updated, unchanged);
    }

    /// <summary>The format is told by the content (an XLSX file is a zip), not trusted from the file name.</summary>
    private static async Task<SheetData> ReadAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (content.Length == 0) throw FileError("文件为空 / the file is empty");
        if (content.Length > MaxFileBytes) throw FileError($"文件不能超过 {MaxFileBytes / 1024 / 1024} MB / the file is larger than {MaxFileBytes / 1024 / 1024} MB");
        var isZip = content.AsSpan().StartsWith("PK\u0003\u0004"u8);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".xls" or ".et")
            throw FileError("不支持旧版 .xls，请另存为 .xlsx 或 CSV UTF-8 / old .xls is not supported; save as .xlsx or CSV UTF-8");
        if (!isZip && extension == ".xlsx") throw FileError("文件不是有效的 xlsx / the file is not a valid xlsx workbook");
        if (!isZip) return CatalogCsv.Read(content);
        try
        {
            return await CatalogXlsx.ReadAsync(content, MaxRows, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw FileError($"无法读取 Excel 文件 / the workbook cannot be read: {e.Message}");
        }
    }

    /// <summary>Where each column of <see cref="CatalogSheet.Columns"/> is in the file; columns may come in any order, extra ones are ignored.</summary>
    private static int[] MapColumns(IReadOnlyList<string> headers)
    {
        var missing = CatalogSheet.Columns.Where(c => !headers.Contains(c.Header)).Select(c => c.Header).ToList();
        var repeated = headers.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"缺少列：{string.Join("、", missing)} / missing columns: {string.Join(", ", missing)}");
        if (repeated.Count > 0) problems.Add($"列重复：{string.Join("、", repeated)} / repeated columns: {string.Join(", ", repeated)}");
        if (problems.Count > 0)
            throw new DomainException("表头有误，未导入任何数据 / the header row is wrong; nothing imported", new Dictionary<string, string[]> { ["file"] = [.. problems] });
        return [.. CatalogSheet.Columns.Select(c => headers.ToList().IndexOf(c.Header))];
    }

    /// <summary>Names must stay unique per category in the catalog as it will be: the file's rows over the current items.</summary>
    private static void CheckNames(List<(SheetRow Row, CatalogItem Item)> parsed, Dictionary<string, CatalogItem> current, Dictionary<string, string[]> errors)
    {
        var fileCodes = parsed.Select(p => p.Item.Code).ToHashSet();
        var holders = current.Values.Where(i => !fileCodes.Contains(i.Code))
            .ToDictionary(i => (i.CategoryCode, i.Name), i => $"现有事项 {i.Code} / existing item {i.Code}");
        foreach (var (row, item) in parsed)
        {
            if (holders.TryGetValue((item.CategoryCode, item.Name), out var holder))
                AddRowErrors(errors, row.Number, new Dictionary<string, string[]>
                {
                    ["name"] = [$"大类 {item.CategoryCode} 中已有同名事项（{holder}）/ category {item.CategoryCode} already has an item of this name ({holder})"],
                });
            else holders[(item.CategoryCode, item.Name)] = $"第 {row.Number} 行 / row {row.Number}";
        }
    }

    private static void AddRowErrors(Dictionary<string, string[]> errors, int row, Dictionary<string, string[]> fieldErrors)
    {
        var key = $"row {row}";
        var messages = fieldErrors.SelectMany(kv => kv.Value.Select(m => $"{CatalogSheet.HeaderOf(kv.Key)}: {m}"));
        errors[key] = [.. errors.GetValueOrDefault(key) ?? [], .. messages];
    }

    private static DomainException FileError(string message) =>
        new($"无法导入 / cannot import: {message}", new Dictionary<string, string[]> { ["file"] = [message] });
}
