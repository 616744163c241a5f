using GridCase.Domain;
using GridCase.Host.Cases;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.WorkItems;

public static class WorkItemEndpoints
{
    public static void MapWorkItems(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Work items").RequireAuthorization();

        api.MapGet("/inbox", async Task<Ok<IReadOnlyList<WorkItemDto>>> (Inbox inbox, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await inbox.ForAsync(http.User, ct)))
            .WithSummary("我的待办 / my open work items");

        api.MapGet("/inbox/{view}", async Task<Ok<Page<InboxEntryDto>>> (string view, int? page, int? pageSize,
            Inbox inbox, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var v = RequestFields.Enum<InboxView>(view, "view", errors, required: true);
            var (p, size) = RequestFields.Paging(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await inbox.ViewAsync(http.User, v!.Value, p, size, ct));
        }).WithSummary("待办视图 / inbox views Mine (我的待办), Claimable (待领取), Done (已办), by page");

        api.MapPost("/work-items/{id:guid}/claim", async Task<NoContent> (Guid id, CaseWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            await workflow.ClaimAsync(id, http.User, ct);
            return TypedResults.NoContent();
        }).WithSummary("认领 / claim a work item");

        api.MapPost("/work-items/{id:guid}/complete", async Task<IResult> (Guid id, CompleteWorkItemRequest request,
            CaseWorkflow workflow, CaseReader reader, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Outcome))
                throw DomainException.Field("outcome", "须选择办理结果 / outcome is required");
            if (request.Comment is { Length: > 2000 })
                throw DomainException.Field("comment", "意见最长 2000 字 / comment is at most 2000 characters");
            var caseId = await workflow.CompleteAsync(id, http.User, request.Outcome, request.Comment, request.Data, ct);
            return TypedResults.Ok(await reader.AfterWriteAsync(caseId, http, ct));
        }).Produces<CaseDto>().WithSummary("办理（Prefer: return=minimal 时只返回环节与待办）/ complete a work item with an outcome (with Prefer: return=minimal, only the case's stage and open work items)");
    }
}
