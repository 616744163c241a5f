namespace GridCase.Workflows.Activities;

public abstract record ActivityResult
{
    /// <summary>Done; the engine follows the connections leaving these ports.</summary>
    public sealed record Completed(IReadOnlyList<string> Ports) : ActivityResult;

    /// <summary>Waiting on a bookmark (a human task, a timer, the other branches of a join).</summary>
    public sealed record Blocked : ActivityResult;

    /// <summary>The whole instance is finished; open tasks of other branches are cancelled.</summary>
    public sealed record Finished : ActivityResult;

    public static ActivityResult Done(params string[] ports) => new Completed(ports);
    public static readonly ActivityResult Block = new Blocked();
    public static readonly ActivityResult Finish = new Finished();
}
