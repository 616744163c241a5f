namespace GridCase.Host.InstanceMigrations;

/// <summary>One instance of a <see cref="WorkflowMigration"/>: pending until its own unit of work moves it, blocks it or fails.</summary>
public sealed class WorkflowMigrationEntry
{
    public const int MaxReasonLength = 2000;

    private WorkflowMigrationEntry() { }

    public long Id { get; private set; }
    public Guid MigrationId { get; private set; }
    public Guid InstanceId { get; private set; }
    public Guid CaseId { get; private set; }
    public MigrationOutcome Outcome { get; private set; }
    /// <summary>What blocked it or why it failed; for a migrated instance, where its activities went.</summary>
    public string? Reason { get; private set; }
    public DateTimeOffset? At { get; private set; }

    public static WorkflowMigrationEntry Pending(Guid migrationId, Guid instanceId, Guid caseId) => new()
    {
        MigrationId = migrationId, InstanceId = instanceId, CaseId = caseId, Outcome = MigrationOutcome.Pending,
    };

    public void Finish(MigrationOutcome outcome, string? reason, DateTimeOffset now)
    {
        Outcome = outcome;
        Reason = reason is { Length: > MaxReasonLength } ? reason[..MaxReasonLength] : reason;
        At = now;
    }
}

public enum MigrationOutcome
{
    Pending,
    Migrated,
    Blocked,
    Failed,
}
