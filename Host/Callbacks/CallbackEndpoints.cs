using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Callbacks;

public static class CallbackEndpoints
{
    public static void MapCallbacks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/callbacks", async Task<Ok<IReadOnlyList<CallbackDto>>> (CallbackList callbacks, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await callbacks.ListAsync(http.User, ct)))
            .WithTags("Callbacks").RequireAuthorization(p => p.RequireRole(Roles.CallbackAgent, Roles.Supervisor, Roles.Admin))
            .WithSummary("回访清单：须回访群众而评价已超期的案件 / cases waiting for a resident callback past their evaluation time");
    }
}
