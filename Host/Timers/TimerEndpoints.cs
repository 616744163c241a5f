using GridCase.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Timers;

public static class TimerEndpoints
{
    public static void MapTimers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/timers/failed", async Task<Ok<IReadOnlyList<TimerFailureDto>>> (TimerFailures failures, CancellationToken ct) =>
            TypedResults.Ok(await failures.ListAsync(ct)))
            .WithTags("Timers").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("未能触发的计时器 / SLA timers that failed to fire, until they fire");
    }
}
