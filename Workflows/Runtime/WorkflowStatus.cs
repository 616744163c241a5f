namespace GridCase.Workflows.Runtime;

public enum WorkflowStatus
{
    Running,
    Finished,
}
