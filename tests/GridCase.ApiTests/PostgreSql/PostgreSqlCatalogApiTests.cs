using GridCase.ApiTests.Catalog;

namespace GridCase.ApiTests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCatalogApiTests(PostgreSqlApp app) : CatalogApiTests(app), IClassFixture<PostgreSqlApp>;
