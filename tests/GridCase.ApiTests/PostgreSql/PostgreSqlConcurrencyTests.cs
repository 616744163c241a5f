namespace GridCase.ApiTests.PostgreSql;

/// <summary>
/// SQLite queues writers, so there the racing completions never meet; here they run side by side and the
/// losers go through the concurrency token and the retry for real.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConcurrencyTests(PostgreSqlApp app) : ConcurrencyTests(app), IClassFixture<PostgreSqlApp>;
