using GridCase.Domain;
using GridCase.Domain.Supervision;
using GridCase.Host.Cases;
using GridCase.Host.Exports;
using GridCase.Host.Identity;
using GridCase.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Supervision;

/// <summary>督办清单: the list, its XLSX export, a supervisor's own entry and the actions on an entry.</summary>
public static class SupervisionEndpoints
{
    private static readonly XlsxColumn[] Columns =
    [
        new("案件编号 Case", 18), new("标题 Title", 30), new("类型 Kind", 16), new("严重程度 Severity", 12), new("状态 Status", 10),
        new("事由 Reason", 40), new("责任单位 Responsible", 14), new("督办时间 Created", 18), new("更新时间 Updated", 18),
        new("督办期限 Due", 18), new("触发次数 Triggers", 10), new("催办次数 Urges", 10), new("结果 Result", 30),
    ];

    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Supervision").RequireAuthorization();
        string[] readers = [Roles.Supervisor, Roles.Dispatcher, Roles.Admin];
        var supervision = api.MapGroup("/supervision");

        supervision.MapGet("", async Task<Ok<Page<SupervisionEntryDto>>> ([AsParameters] SupervisionFilter filter, SupervisionReader reader,
            HttpContext http, CancellationToken ct) =>
        {
            var (criteria, page, size) = Read(filter);
            return TypedResults.Ok(await reader.ListAsync(http.User, criteria, page, size, ct));
        }).RequireAuthorization(p => p.RequireRole(readers)).WithName("ListSupervision")
            .WithSummary("督办清单（严重程度、时间排序；默认在办）/ the supervision list, most severe then oldest first; active entries by default")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        supervision.MapGet("/export", async Task<FileContentHttpResult> ([AsParameters] SupervisionFilter filter, SupervisionReader reader,
            HttpContext http, CancellationToken ct) =>
        {
            var (criteria, _, _) = Read(filter);
            var rows = await reader.ExportAsync(http.User, criteria, ct);
            return await XlsxSheet.FileAsync("督办清单", Columns, rows.Select(e => new[]
            {
                e.CaseNumber, e.CaseTitle, e.Kind, e.Severity, e.Status, e.Reason, e.ResponsibleOrgUnitCode, Format(e.CreatedAt),
                Format(e.UpdatedAt), Format(e.DueAt), $"{e.TriggerCount}", $"{e.UrgeCount}", e.Result ?? "",
            }), ct);
        }).RequireAuthorization(p => p.RequireRole(readers)).WithName("ExportSupervision")
            .WithSummary("督办清单导出 XLSX（同样的筛选）/ the supervision list as XLSX, same filters (page ignored)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/cases/{id:guid}/supervision", async Task<Results<Created<SupervisionEntryDto>, Ok<SupervisionEntryDto>>> (Guid id,
            RaiseSupervisionBody body, SupervisionActions actions, HttpContext http, CancellationToken ct) =>
        {
            var (entry, created) = await actions.RaiseAsync(id, http.User, body, ct);
            return created ? TypedResults.Created($"/api/supervision/{entry.Id}", entry) : TypedResults.Ok(entry);
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor)).WithName("RaiseSupervision")
            .WithSummary("人工督办（如领导批示）；已有在办的人工督办则更新它 / put a case on the list by hand (e.g. a leader's instruction); updates the open manual entry")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        supervision.MapPost("/{id:long}/urge", async Task<Ok<SupervisionEntryDto>> (long id, UrgeBody? body, SupervisionActions actions,
            HttpContext http, CancellationToken ct) => TypedResults.Ok(await actions.UrgeAsync(id, http.User, body ?? new(null), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor)).WithName("UrgeSupervision")
            .WithSummary("催办：通知案件在办任务的办理人，计次 / urge: notifies whoever holds the case's open work items, counted")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        supervision.MapPost("/{id:long}/escalate", async Task<Ok<SupervisionEntryDto>> (long id, EscalateBody body, SupervisionActions actions,
            HttpContext http, CancellationToken ct) => TypedResults.Ok(await actions.EscalateAsync(id, http.User, body, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor)).WithName("EscalateSupervision")
            .WithSummary("上报：责任单位升至上一级 / escalate: the responsible org unit becomes its parent")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        supervision.MapPost("/{id:long}/joint", async Task<Ok<SupervisionEntryDto>> (long id, JointSupervisionBody body, SupervisionActions actions,
            HttpContext http, CancellationToken ct) => TypedResults.Ok(await actions.JointAsync(id, http.User, body, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor)).WithName("JointSupervision")
            .WithSummary("联合督办：主办、协办部门各得一个限期任务 / joint supervision: the lead and co-handling departments each get a work item due at dueAt")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        supervision.MapPost("/{id:long}/resolve", async Task<Ok<SupervisionEntryDto>> (long id, SupervisionResultBody body, SupervisionActions actions,
            HttpContext http, CancellationToken ct) => TypedResults.Ok(await actions.ResolveAsync(id, http.User, body, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor)).WithName("ResolveSupervision")
            .WithSummary("督办办结（填写结果）/ resolve with a result")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        supervision.MapPost("/{id:long}/close", async Task<Ok<SupervisionEntryDto>> (long id, SupervisionResultBody body, SupervisionActions actions,
            HttpContext http, CancellationToken ct) => TypedResults.Ok(await actions.CloseAsync(id, http.User, body, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor)).WithName("CloseSupervision")
            .WithSummary("关闭督办（填写理由）/ close with a result, e.g. raised in error")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static (SupervisionReader.Criteria Criteria, int Page, int PageSize) Read(SupervisionFilter filter)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = RequestFields.Enum<SupervisionKind>(filter.Kind, "kind", errors);
        var status = RequestFields.Enum<SupervisionStatus>(filter.Status, "status", errors);
        var severity = RequestFields.Enum<SupervisionSeverity>(filter.Severity, "severity", errors);
        var (page, size) = RequestFields.Paging(filter.Page, filter.PageSize, errors);
        if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
        return (new SupervisionReader.Criteria(kind, status, string.IsNullOrEmpty(filter.OrgUnitCode) ? null : filter.OrgUnitCode, severity), page, size);
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
}
