namespace GridCase.Host.WorkflowTimers;

/// <summary>
/// A durable instant at which an instance's bookmark is released with <see cref="Outcome"/> (a Timer activity,
/// a signal's timeout). The row is the truth; Hangfire jobs and the sweep only look at it.
/// </summary>
public sealed class WorkflowTimer
{
    /// <summary>The bookmark's id.</summary>
    public Guid Id { get; init; }
    public Guid InstanceId { get; init; }
    public Guid CaseId { get; init; }
    /// <summary>Changes only when a migration moves the instance to another version.</summary>
    public required string ActivityId { get; set; }
    public DateTimeOffset DueAt { get; init; }
    public required string Outcome { get; init; }
    public DateTimeOffset? FiredAt { get; set; }
}
