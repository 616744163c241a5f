namespace GridCase.Host.Persistence;

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (embedded default) or SqlServer.</summary>
    public string Provider { get; set; } = "Sqlite";
}
