using System.Text.Json.Nodes;
using GridCase.Host.Cases;
using GridCase.Host.WorkflowTimers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Signals;

public static class SignalEndpoints
{
    public static IServiceCollection AddSignals(this IServiceCollection services) =>
        services.AddWorkflowTimers().AddScoped<CaseSignals>();

    public static void MapSignals(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/cases/{id:guid}/signals/{name}", async Task<Ok<CaseDto>> (
                Guid id, string name, JsonObject? data, CaseSignals signals, CaseReader reader, HttpContext http, CancellationToken ct) =>
            {
                await signals.SendAsync(id, name, data, http.User, ct);
                return TypedResults.Ok(await reader.GetAsync(id, http.User, ct));
            })
            .RequireAuthorization().WithTags("Cases")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SendCaseSignal").WithSummary("向等待中的流程发送信号 / deliver a named signal to the case's waiting flow");
}
