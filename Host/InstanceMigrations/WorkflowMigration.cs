namespace GridCase.Host.InstanceMigrations;

/// <summary>
/// A real run of moving a flow's running instances from one published version to another. The record and its
/// <see cref="WorkflowMigrationEntry"/> rows are the truth: the batch jobs only work through what is still pending,
/// so a restart picks the run up where it stood.
/// </summary>
public sealed class WorkflowMigration
{
    private WorkflowMigration() { }

    public Guid Id { get; private set; }
    public string DefinitionId { get; private set; } = "";
    public int FromVersion { get; private set; }
    public int ToVersion { get; private set; }
    /// <summary>The activity map as JSON (old activity id → new activity id).</summary>
    public string ActivityMap { get; private set; } = "{}";
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public MigrationStatus Status { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static WorkflowMigration Start(string definitionId, int fromVersion, int toVersion, string activityMap, string requestedBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        DefinitionId = definitionId,
        FromVersion = fromVersion,
        ToVersion = toVersion,
        ActivityMap = activityMap,
        RequestedBy = requestedBy,
        RequestedAt = now,
        Status = MigrationStatus.Running,
    };

    public void Complete(DateTimeOffset now)
    {
        Status = MigrationStatus.Completed;
        CompletedAt = now;
    }
}

public enum MigrationStatus
{
    Running,
    Completed,
}
