using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.FlowBindings;

public static class FlowBindingEndpoints
{
    public static IServiceCollection AddFlowBindings(this IServiceCollection services) =>
        services.AddScoped<FlowResolver>().AddScoped<FlowBindingEditor>();

    public static void MapFlowBindings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flow-bindings").WithTags("Flow bindings").RequireAuthorization();

        group.MapGet("", async Task<Ok<IReadOnlyList<FlowBindingDto>>> (FlowBindingEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.ListAsync(ct)))
            .WithName("ListFlowBindings").WithSummary("流程绑定 / which flow new cases run, per channel, category or item");

        group.MapPut("", async Task<Ok<IReadOnlyList<FlowBindingDto>>> (IReadOnlyList<FlowBindingDto>? bindings, FlowBindingEditor editor, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await editor.ReplaceAsync(bindings, http.User.UserName(), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.PolicyAdmin, Roles.Admin))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ReplaceFlowBindings").WithSummary("替换全部流程绑定（校验并留痕）/ replace the whole list, validated and audited");

        group.MapGet("/audit", async Task<Ok<IReadOnlyList<FlowBindingChangeDto>>> (FlowBindingEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.AuditAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.PolicyAdmin, Roles.Admin))
            .WithName("FlowBindingAudit").WithSummary("流程绑定变更记录 / who changed the bindings, when, from what to what");
    }
}
