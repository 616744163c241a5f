namespace GridCase.ApiTests.PostgreSql;

/// <summary>
/// Every class that runs on the test run's PostgreSQL server belongs here, so that xUnit tells us when the
/// last of them is done: then the server is stopped and its folder deleted.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlCollection.ServerLifetime>
{
    public const string Name = "PostgreSQL";

    public sealed class ServerLifetime : IDisposable
    {
        public void Dispose() => PostgreSqlServer.StopShared();
    }
}
