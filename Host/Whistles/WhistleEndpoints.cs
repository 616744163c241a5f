using GridCase.Host.Cases;
using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Whistles;

public static class WhistleEndpoints
{
    public static IServiceCollection AddWhistles(this IServiceCollection services) => services.AddScoped<CaseWhistle>();

    public static void MapWhistles(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/cases/{id:guid}/whistle", async Task<Ok<CaseDto>> (
                Guid id, WhistleRequest request, CaseWhistle whistle, CaseReader reader, HttpContext http, CancellationToken ct) =>
            {
                await whistle.WhistleAsync(id, request, http.User, ct);
                return TypedResults.Ok(await reader.GetAsync(id, http.User, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Dispatcher)).WithTags("Cases")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WhistleCase")
            .WithSummary("吹哨报到：街道或社区召集部门，各部门在时限内报到 / a subdistrict or community summons departments, each to report within the limit");
}
