using GridCase.ApiTests.Deadlines;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.PostgreSql;

/// <summary>Hangfire.PostgreSql keeps the jobs in the database, so the restarted host fires what the first one scheduled.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlRealTimeTimerTests : RealTimeTimerTests
{
    protected override GridCaseApp NewApp() => new PostgreSqlApp();
}
