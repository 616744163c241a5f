namespace GridCase.Workflows.Events;

/// <summary>
/// Hears every <see cref="WorkflowEvent"/> of a run, in the run's transaction, in registration order:
/// handlers that change the subject (e.g. the case on finishing) are registered before those that record it.
/// </summary>
public interface IWorkflowEventHandler
{
    ValueTask HandleAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken);
}
