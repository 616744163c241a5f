using GridCase.Host.Cases;
using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.ReporterReplies;

public static class ReporterReplyEndpoints
{
    public static IServiceCollection AddReporterReplies(this IServiceCollection services) => services.AddScoped<ReporterReplies>();

    public static void MapReporterReplies(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/cases/{id:guid}/reporter-replies", async Task<Ok<CaseDto>> (
                Guid id, ReporterReplyRequest? request, ReporterReplies replies, CaseReader reader, HttpContext http, CancellationToken ct) =>
            {
                await replies.RecordAsync(id, request, http.User, ct);
                return TypedResults.Ok(await reader.GetAsync(id, http.User, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Acceptor, Roles.CallbackAgent, Roles.Admin)).WithTags("Cases")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordReporterReply")
            .WithSummary("记录群众的答复（受理员、回访员）；等待 ReporterReplied 信号的流程继续 / record what the reporter replied; a flow waiting for ReporterReplied goes on");
}
