namespace GridCase.Workflows.Runtime;

public static class Actors
{
    /// <summary>Who did what the engine did on its own (an automatic activity, an overdue outcome).</summary>
    public const string System = "system";
}
