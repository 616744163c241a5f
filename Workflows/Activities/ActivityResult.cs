namespace GridCase.Workflows.Activities;

public abstract record ActivityResult
{
    /// <summary>Done; the engine follows the connections leaving these ports.</summary>
    public sealed record Completed(IReadOnlyList<string> Ports) : ActivityResult;

    /// <summary>Waiting on a bookmark (a human task, a timer, the other branches of a join).</summary>
    public sealed record Blocked : ActivityResult;

    /// <summary>The whole instance is finished with this result; bookmarks of other branches are dropped.</summary>
    public sealed record Finished(WorkflowResult Result) : ActivityResult;

    public static ActivityResult Done(params string[] ports) => new Completed(ports);
    public static readonly ActivityResult Block = new Blocked();
    public static ActivityResult Finish(WorkflowResult result) => new Finished(result);
}

/// <summary>How an instance ended, as its End activity says.</summary>
public enum WorkflowResult
{
    /// <summary>办结</summary>
    Done,
    /// <summary>未解决</summary>
    Unresolved,
    /// <summary>不予受理</summary>
    Rejected,
}
