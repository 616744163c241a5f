using GridCase.Host.Problems;
using GridCase.Domain;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Catalog;

public static class CatalogEndpoints
{
    public const int MaxSuggestTextLength = 4000;

    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/api/catalog").WithTags("Catalog").RequireAuthorization();
        string[] editors = [Roles.PolicyAdmin, Roles.Admin];

        catalog.MapGet("/categories", async Task<Ok<IReadOnlyList<CatalogCategoryDto>>> (CatalogReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.CategoriesAsync(ct)))
            .WithSummary("事项大类 / catalog categories with their item counts");

        catalog.MapGet("/items", async Task<Ok<Page<CatalogItemDto>>> (string? categoryCode, string? q, int? page, int? pageSize,
            CatalogReader reader, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var (p, size) = RequestFields.Paging(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await reader.ListAsync(categoryCode, q, p, size, ct));
        }).WithSummary("事项列表（按大类、编码/名称/关键词筛选）/ current items, by category and text");

        catalog.MapGet("/items/{code}", async Task<Ok<CatalogItemDto>> (string code, CatalogReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(code, ct)))
            .WithSummary("事项详情（当前版本）/ the current version of an item");

        catalog.MapPost("/items", async Task<Created<CatalogItemDto>> (CatalogItemRequest request, CatalogEditor editor, CancellationToken ct) =>
        {
            var item = await editor.CreateAsync(request, ct);
            return TypedResults.Created($"/api/catalog/items/{Uri.EscapeDataString(item.Code)}", item);
        }).RequireAuthorization(p => p.RequireRole(editors)).WithSummary("新增事项 / add an item (version 1)");

        catalog.MapPut("/items/{code}", async Task<Ok<CatalogItemDto>> (string code, CatalogItemRequest request, CatalogEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.UpdateAsync(code, request, ct)))
            .RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("修改事项（生成新版本，在办案件不受影响）/ edit an item: writes the next version; running cases keep theirs");

        catalog.MapGet("/suggest", async Task<Ok<IReadOnlyList<CatalogSuggestionDto>>> (string? text, CatalogSuggester suggester,
            GridCaseDbContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(text))
                throw DomainException.Field("text", "须提供诉求内容 / text is required");
            if (text.Length > MaxSuggestTextLength)
                throw DomainException.Field("text", $"内容最长 {MaxSuggestTextLength} 字 / text is at most {MaxSuggestTextLength} characters");
            return TypedResults.Ok(await suggester.SuggestAsync(db, text, ct));
        }).WithSummary("智能推荐事项（前 5 项）/ the 5 items that best fit a report text");

        catalog.MapGet("/export", async Task<FileContentHttpResult> (string? format, GridCaseDbContext db, CancellationToken ct) =>
        {
            var kind = string.IsNullOrEmpty(format) ? "csv" : format.ToLowerInvariant();
            if (kind is not ("csv" or "xlsx"))
                throw DomainException.Field("format", "format 须为 csv 或 xlsx / format must be csv or xlsx");
            var items = await db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent).ToListAsync(ct);
            var rows = items.OrderBy(i => i.Code, StringComparer.Ordinal).Select(CatalogSheet.ToRow);
            using var buffer = new MemoryStream();
            if (kind == "csv") await CatalogCsv.WriteAsync(buffer, rows, ct);
            else await CatalogXlsx.WriteAsync(buffer, rows, ct);
            return TypedResults.File(buffer.ToArray(), kind == "csv" ? CatalogCsv.ContentType : CatalogXlsx.ContentType, $"{CatalogSheet.SheetName}.{kind}");
        }).WithSummary("导出事项清单（CSV UTF-8 / XLSX）/ export the current catalog");

        catalog.MapPost("/import", async Task<Ok<CatalogImportResultDto>> (HttpRequest request, CatalogImport import, CancellationToken ct) =>
        {
            var form = await UploadedFile.ReadFormAsync(request, "file", ct);
            var errors = new Dictionary<string, string[]>();
            var file = await UploadedFile.ReadAsync(form, "file", CatalogImport.MaxFileBytes, errors, ct);
            if (file is not { } f) throw new DomainException("无法导入 / cannot import", errors);
            return TypedResults.Ok(await import.ImportAsync(f.FileName, f.Content, ct));
        }).RequireAuthorization(p => p.RequireRole(editors))
          // Bearer-token API: a browser never sends the token by itself, so there is no cross-site form to forge.
          .DisableAntiforgery()
          .WithSummary("导入事项清单（CSV/XLSX，全部成功或全部不导入）/ import a catalog file, all or nothing");
    }
}
