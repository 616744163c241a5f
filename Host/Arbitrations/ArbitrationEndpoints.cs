using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Cases;
using GridCase.Host.Problems;
using GridCase.CaseActivities;
using GridCase.Workflows.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Arbitrations;

public static class ArbitrationEndpoints
{
    public static IServiceCollection AddArbitrations(this IServiceCollection services) =>
        services.AddScoped<IWorkflowEventHandler, ArbitrationRecorder>()
            .AddOutcomeHandler<CaseArbitrated>()
            .AddScoped<ArbitrationList>()
            .AddScoped<ArbitrationDecision>();

    public static void MapArbitrations(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/arbitrations").WithTags("Arbitrations")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor));

        api.MapGet("", async Task<Ok<Page<ArbitrationDto>>> (string? status, int? page, int? pageSize,
            ArbitrationList list, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var s = RequestFields.Enum<ArbitrationStatus>(status, "status", errors);
            var (p, size) = RequestFields.Paging(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await list.ListAsync(http.User, s, p, size, ct));
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .WithSummary("三定仲裁清单（区级督办员）/ the district's arbitration list: cases returned too often, open or decided");

        api.MapGet("/{id:guid}", async Task<Ok<ArbitrationDto>> (Guid id, ArbitrationList list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await list.GetAsync(id, http.User, ct)))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("一件仲裁及其退单记录 / one arbitration with the case's returns");

        api.MapPost("/{id:guid}/decide", async Task<Ok<ArbitrationDto>> (Guid id, DecideArbitrationRequest request,
                ArbitrationDecision decision, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await decision.DecideAsync(id, request, http.User, ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("指定权属单位（可回写事项清单为新版本）/ designate the owner with a basis; optionally write it back to the catalog item as a new version");
    }
}
