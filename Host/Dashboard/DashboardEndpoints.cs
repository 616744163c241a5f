using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.Dashboard;

public static class DashboardEndpoints
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<DashboardQueries>();

    public static void MapDashboard(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api").WithTags("Dashboard").RequireAuthorization()
            .MapGet("/dashboard", async Task<Ok<DashboardDto>> (DashboardQueries queries, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await queries.ForAsync(http.User, ct)))
            .WithSummary("一屏观全域 / dashboard figures within your org scope");
}
