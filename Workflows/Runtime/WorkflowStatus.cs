namespace GridCase.Workflows.Runtime;

public enum WorkflowStatus
{
    Running,
    Finished,
    /// <summary>An automatic activity threw; the instance waits at it for a retry (an incident).</summary>
    Faulted,
    /// <summary>Stopped by an admin (a case that can never finish); nothing resumes it.</summary>
    Cancelled,
}
