using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.PostgreSql;

/// <summary>The real Host over HTTP on a new database of the run's PostgreSQL server, seeded like a first start.</summary>
public sealed class PostgreSqlApp() : GridCaseApp(dataFolder: null, PostgreSqlServer.Shared.CreateDatabase());
