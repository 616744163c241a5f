using GridCase.Host.Problems;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GridCase.Host.Cases;

public static class CaseEndpoints
{
    public static void MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();

        group.MapPost("", async Task<IResult> (ReportCaseRequest request,
            [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ReportCase report, CaseReader reader, HttpContext http, CancellationToken ct) =>
        {
            var (id, repeated) = await report.HandleAsync(request, idempotencyKey, http.User, ct);
            var @case = await reader.AfterWriteAsync(id, http, ct);
            return repeated ? TypedResults.Ok(@case) : TypedResults.Created($"/api/cases/{id}", @case);
        }).Produces<CaseDto>(StatusCodes.Status201Created).Produces<CaseDto>(StatusCodes.Status200OK).RequireAuthorization(p => p.RequireRole(Roles.Acceptor, Roles.GridWorker, Roles.Admin))
          .WithSummary("上报案件（Prefer: return=minimal 时只返回环节与待办）/ report a case (with Prefer: return=minimal, only its stage and open work items)");

        group.MapPost("/{id:guid}/cancel", async Task<Ok<CaseDto>> (Guid id, CancelCaseBody body, CaseCancellation cancellation, CaseReader reader,
            HttpContext http, CancellationToken ct) =>
        {
            await cancellation.CancelAsync(id, body.Reason, http.User, ct);
            return TypedResults.Ok(await reader.GetAsync(id, http.User, ct));
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin))
          .WithSummary("取消案件（须填理由；任务与计时器一并取消）/ cancel a case with a reason: its tasks and timers stop");

        group.MapPost("/{id:guid}/reopen", async Task<Ok<CaseDto>> (Guid id, ReopenCaseBody body, CaseReopening reopening, CaseReader reader,
            HttpContext http, CancellationToken ct) =>
        {
            await reopening.ReopenAsync(id, body, http.User, ct);
            return TypedResults.Ok(await reader.GetAsync(id, http.User, ct));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor))
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("案结事未了：督办员在结案后的期限内重新打开案件，进入二次派单 / reopen a finished case within the window after closure: it is dispatched again");

        group.MapGet("/{id:guid}", async Task<Ok<CaseDto>> (Guid id, CaseReader reader, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await reader.GetAsync(id, http.User, ct)))
            .WithSummary("案件详情 / a case with its open work items and journal");

        group.MapGet("", async Task<Ok<Page<CaseSummaryDto>>> (string? stage, string? status, string? gridCode, string? responsibleLevel, int? page, int? pageSize,
            CaseReader reader, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var stageValue = RequestFields.Enum<CaseStage>(stage, "stage", errors);
            var statusValue = RequestFields.Enum<CaseStatus>(status, "status", errors);
            var levelValue = RequestFields.Enum<ResponsibleLevel>(responsibleLevel, "responsibleLevel", errors);
            var (p, size) = RequestFields.Paging(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await reader.ListAsync(http.User, stageValue, statusValue, gridCode, levelValue, p, size, ct));
        }).WithSummary("案件列表（可按环节、状态、网格、责任层级筛选）/ cases within your scope, by stage, status, grid or responsible level");
    }
}
