namespace GridCase.Workflows.Runtime;

/// <summary>
/// One run of a flow for one subject (its <see cref="CorrelationId"/>: for a case, the case's id), pinned to the definition version it started on. <see cref="Version"/> is an
/// app-managed concurrency token: every save writes a new one, so two stimuli racing on one instance
/// cannot both land, on SQLite, SQL Server and PostgreSQL alike.
/// </summary>
public sealed class WorkflowInstance
{
    private WorkflowInstance() { }

    public Guid Id { get; private set; }
    public Guid CorrelationId { get; private set; }
    public string DefinitionId { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    public WorkflowStatus Status { get; private set; }
    public string StateJson { get; private set; } = "{}";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid Version { get; private set; }

    public static WorkflowInstance Start(Guid correlationId, string definitionId, int definitionVersion, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CorrelationId = correlationId,
        DefinitionId = definitionId,
        DefinitionVersion = definitionVersion,
        Status = WorkflowStatus.Running,
        CreatedAt = now,
        UpdatedAt = now,
        Version = Guid.NewGuid(),
    };

    public InstanceState LoadState() => InstanceState.Parse(StateJson);

    /// <summary>Stopped from outside (an admin cancels the case): it waits on nothing any more.</summary>
    public void Cancel(DateTimeOffset now)
    {
        var state = LoadState();
        state.Bookmarks.Clear();
        state.Faults.Clear();
        state.ActivityStates.Clear();
        StateJson = state.ToJson();
        Status = WorkflowStatus.Cancelled;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    public void Save(InstanceState state, bool finished, DateTimeOffset now)
    {
        StateJson = state.ToJson();
        Status = finished ? WorkflowStatus.Finished : state.Faults.Count > 0 ? WorkflowStatus.Faulted : WorkflowStatus.Running;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}
