using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Cases;

public static class CaseEndpoints
{
    public static void MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();

        group.MapPost("", async Task<Created<CaseDto>> (ReportCaseRequest request, ReportCase report, CaseReader reader, HttpContext http, CancellationToken ct) =>
        {
            var id = await report.HandleAsync(request, http.User, ct);
            return TypedResults.Created($"/api/cases/{id}", await reader.GetAsync(id, http.User, ct));
        }).RequireAuthorization(p => p.RequireRole(Roles.Acceptor, Roles.GridWorker, Roles.Admin))
          .WithSummary("上报案件 / report a case");

        group.MapGet("/{id:guid}", async Task<Ok<CaseDto>> (Guid id, CaseReader reader, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(id, http.User, ct)))
            .WithSummary("案件详情 / a case with its open work items and journal");

        group.MapGet("", async Task<Ok<Page<CaseSummaryDto>>> (string? stage, string? status, string? gridCode, int? page, int? pageSize,
            CaseReader reader, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var stageValue = ParseEnum<CaseStage>(stage, "stage", errors);
            var statusValue = ParseEnum<CaseStatus>(status, "status", errors);
            var (p, size) = Paging.Read(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await reader.ListAsync(http.User, stageValue, statusValue, gridCode, p, size, ct));
        }).WithSummary("案件列表 / cases within your scope");
    }

    internal static T? ParseEnum<T>(string? value, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        errors[field] = [$"{field} 须为 {string.Join(" | ", Enum.GetNames<T>())}"];
        return null;
    }
}

public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Page, int PageSize) Read(int? page, int? pageSize, Dictionary<string, string[]> errors)
    {
        if (page is < 1) errors["page"] = ["page 从 1 开始 / page starts at 1"];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize 须在 1 到 {MaxPageSize} 之间 / pageSize must be 1..{MaxPageSize}"];
        return (page ?? 1, pageSize ?? 20);
    }
}
