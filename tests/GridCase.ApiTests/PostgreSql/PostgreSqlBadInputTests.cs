namespace GridCase.ApiTests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlBadInputTests(PostgreSqlApp app) : BadInputTests(app), IClassFixture<PostgreSqlApp>;
