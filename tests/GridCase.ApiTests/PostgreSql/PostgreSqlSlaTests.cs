using GridCase.ApiTests.Deadlines;

namespace GridCase.ApiTests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSlaTests(PostgreSqlClockedApp app) : SlaTests(app), IClassFixture<PostgreSqlClockedApp>;
