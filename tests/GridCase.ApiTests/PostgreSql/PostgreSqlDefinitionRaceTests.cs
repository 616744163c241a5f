namespace GridCase.ApiTests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDefinitionRaceTests(PostgreSqlApp app) : DefinitionRaceTests(app), IClassFixture<PostgreSqlApp>;
