using GridCase.Host.Problems;
using GridCase.Domain;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Deadlines;

public static class DeadlineEndpoints
{
    public static void MapDeadlines(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Deadlines").RequireAuthorization();
        string[] supervisors = [Roles.Supervisor, Roles.Dispatcher, Roles.Admin];

        api.MapGet("/work-items", async Task<Ok<Page<WorkItemDto>>> (string? sla, string? orgUnit, int? page, int? pageSize,
            SupervisionQueries queries, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var level = RequestFields.Enum<SlaState>(sla, "sla", errors);
            var (p, size) = RequestFields.Paging(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await queries.WorkItemsAsync(http.User, level, orgUnit, p, size, ct));
        }).RequireAuthorization(p => p.RequireRole(supervisors)).WithSummary("预警/超期任务 / open work items by SLA state");

        api.MapPost("/work-items/{id:guid}/extension-requests", async Task<Created<ExtensionRequestDto>> (Guid id, ExtensionRequestBody body,
            DeadlineService deadlines, HttpContext http, CancellationToken ct) =>
        {
            var request = await deadlines.RequestExtensionAsync(id, http.User, body, ct);
            return TypedResults.Created($"/api/extension-requests/{request.Id}", request);
        }).WithSummary("申请延期 / ask for an extension (the handler)");

        api.MapGet("/extension-requests", async Task<Ok<IReadOnlyList<ExtensionRequestDto>>> (string? status, Guid? workItemId,
            SupervisionQueries queries, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var s = RequestFields.Enum<ExtensionStatus>(status, "status", errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await queries.ExtensionRequestsAsync(http.User, s, workItemId, ct));
        }).RequireAuthorization(p => p.RequireRole(supervisors)).WithSummary("延期申请（管辖范围内）/ extension requests within your org scope");

        api.MapPost("/extension-requests/{id:guid}/approve", async Task<Ok<ExtensionRequestDto>> (Guid id, DecisionBody? body,
            DeadlineService deadlines, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await deadlines.DecideAsync(id, approve: true, http.User, body?.Comment, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Dispatcher, Roles.Supervisor)).WithSummary("批准延期 / approve");

        api.MapPost("/extension-requests/{id:guid}/reject", async Task<Ok<ExtensionRequestDto>> (Guid id, DecisionBody? body,
            DeadlineService deadlines, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await deadlines.DecideAsync(id, approve: false, http.User, body?.Comment, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Dispatcher, Roles.Supervisor)).WithSummary("驳回延期 / reject (with a comment)");

        api.MapPost("/work-items/{id:guid}/suspend", async Task<NoContent> (Guid id, SuspendBody body, DeadlineService deadlines, HttpContext http, CancellationToken ct) =>
        {
            await deadlines.SuspendAsync(id, http.User, body.Reason, ct);
            return TypedResults.NoContent();
        }).WithSummary("挂起（停止计时）/ suspend: the clock stops");

        api.MapPost("/work-items/{id:guid}/resume", async Task<NoContent> (Guid id, DeadlineService deadlines, HttpContext http, CancellationToken ct) =>
        {
            await deadlines.ResumeAsync(id, http.User, ct);
            return TypedResults.NoContent();
        }).WithSummary("恢复计时 / resume with the time that was left");
    }
}
