using GridCase.Host.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GridCase.Host.Hosting;

public sealed class DatabaseHealthCheck(GridCaseDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
