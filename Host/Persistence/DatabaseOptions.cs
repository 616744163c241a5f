namespace GridCase.Host.Persistence;

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (embedded default), SqlServer or PostgreSql.</summary>
    public string Provider { get; set; } = "Sqlite";
}
