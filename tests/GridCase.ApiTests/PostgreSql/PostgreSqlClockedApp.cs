using GridCase.ApiTests.Deadlines;

namespace GridCase.ApiTests.PostgreSql;

/// <summary>A <see cref="ClockedApp"/> on a new database of the run's PostgreSQL server.</summary>
public sealed class PostgreSqlClockedApp() : ClockedApp(PostgreSqlServer.Shared.CreateDatabase());
