using GridCase.Domain;
using GridCase.Host.Identity;
using GridCase.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCase.Host.InstanceMigrations;

public static class MigrationEndpoints
{
    public static IServiceCollection AddInstanceMigrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MigrationOptions>(configuration.GetSection("Migrations"));
        services.AddScoped<MigrationPlanner>().AddScoped<MigrationService>().AddScoped<InstanceMigrator>().AddScoped<MigrationJob>();
        return services.AddHostedService<MigrationStartup>();
    }

    public static void MapInstanceMigrations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-definitions/{definitionId}/migrations").WithTags("Workflow definitions")
            .RequireAuthorization(p => p.RequireRole(Roles.PolicyAdmin, Roles.Admin));

        group.MapPost("", Migrate)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("MigrateInstances")
            .WithSummary("迁移运行中的实例到另一版本（dryRun 只预演）/ move running instances to another version (dryRun only plans)");

        group.MapGet("", async Task<Ok<IReadOnlyList<MigrationDto>>> (string definitionId, MigrationService migrations, CancellationToken ct) =>
                TypedResults.Ok(await migrations.ListAsync(definitionId, ct)))
            .WithName("ListMigrations").WithSummary("流程的迁移记录 / the migrations of a flow, newest first");

        group.MapGet("/{migrationId:guid}", async Task<Ok<MigrationDto>> (
                string definitionId, Guid migrationId, string? outcome, int? page, int? pageSize, MigrationService migrations, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var only = RequestFields.Enum<MigrationOutcome>(outcome, "outcome", errors);
                var (p, size) = RequestFields.Paging(page, pageSize, errors);
                if (errors.Count > 0) throw new DomainException("查询参数有误 / invalid query", errors);
                return TypedResults.Ok(await migrations.GetAsync(definitionId, migrationId, only, p, size, ct));
            })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMigration").WithSummary("迁移进度与各实例结果 / a migration's progress and per-instance results");
    }

    private static async Task<Results<Ok<MigrationDryRunDto>, AcceptedAtRoute<MigrationDto>>> Migrate(
        string definitionId, MigrationRequest? request, MigrationPlanner planner, MigrationService migrations, HttpContext http, CancellationToken ct)
    {
        var valid = await planner.ValidateAsync(definitionId, request, ct);
        if (valid.DryRun) return TypedResults.Ok(await migrations.DryRunAsync(definitionId, valid, ct));
        var id = await migrations.StartAsync(definitionId, valid, http.User.UserName(), ct);
        return TypedResults.AcceptedAtRoute(await migrations.GetAsync(definitionId, id, null, 1, 20, ct), "GetMigration", new { definitionId, migrationId = id });
    }
}
