namespace GridCase.Workflows.Runtime;

/// <summary>
/// Keeps an instant at which a bookmark is released with an outcome (a Timer's Done, a signal's TimedOut).
/// The Host stores it in the run's transaction and fires it exactly once, across restarts and nodes.
/// </summary>
public interface IWorkflowTimers
{
    ValueTask ScheduleAsync(WorkflowTimerRequest request, CancellationToken cancellationToken);
}

public sealed record WorkflowTimerRequest(Guid BookmarkId, Guid InstanceId, Guid CorrelationId, string ActivityId, DateTimeOffset DueAt, string Outcome);
