using GridCase.Domain;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Problems;
using GridCase.Workflows.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Incidents;

public static class IncidentEndpoints
{
    public static IServiceCollection AddIncidents(this IServiceCollection services) =>
        services.AddScoped<IWorkflowEventHandler, IncidentRecorder>().AddScoped<IncidentService>();

    public static void MapIncidents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").WithTags("Incidents")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.PolicyAdmin));

        api.MapGet("", async Task<Ok<Page<IncidentDto>>> (string? status, int? page, int? pageSize,
            IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var s = RequestFields.Enum<IncidentStatus>(status, "status", errors);
            var (p, size) = RequestFields.Paging(page, pageSize, errors);
            if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
            return TypedResults.Ok(await incidents.ListAsync(http.User, s, p, size, ct));
        }).WithSummary("流程故障 / incidents: automatic steps that threw, in your org scope");

        api.MapPost("/{id:guid}/retry", async Task<Ok<IncidentDto>> (Guid id, IncidentService incidents, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await incidents.RetryAsync(id, http.User, ct)))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("修复后重试故障步骤 / run the faulted step again after fixing its cause");
    }
}
