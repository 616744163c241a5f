using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Persistence;

public sealed class PostgreSqlGridCaseDbContext(DbContextOptions<PostgreSqlGridCaseDbContext> options) : GridCaseDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }
}
