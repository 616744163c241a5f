namespace GridCase.Workflows.Runtime;

public enum WorkflowStatus
{
    Running,
    Finished,
    /// <summary>Stopped by an admin (a case that can never finish); nothing resumes it.</summary>
    Cancelled,
}
