namespace GridCase.ApiTests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlClosedLoopTests(PostgreSqlApp app) : ClosedLoopTests(app), IClassFixture<PostgreSqlApp>;
