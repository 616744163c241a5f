namespace GridCase.Host.InstanceMigrations;

/// <summary>Configuration section <c>Migrations</c>.</summary>
public sealed class MigrationOptions
{
    /// <summary>Instances one background job moves before it hands the rest to the next job.</summary>
    public int BatchSize { get; set; } = 100;
}
