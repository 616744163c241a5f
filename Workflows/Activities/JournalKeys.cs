namespace GridCase.Workflows.Activities;

/// <summary>Keys of <see cref="ActivityExecutionContext.JournalData"/> the core activities write.</summary>
public static class JournalKeys
{
    /// <summary>The name of the step in the record (e.g. Decision); a step without one is plumbing and not recorded.</summary>
    public const string Event = "event";
    public const string Outcome = "outcome";
    public const string Comment = "comment";
    /// <summary>Who the step is on record as done by, when not the system (an automatic step that carries out a person's choice).</summary>
    public const string Actor = "actor";
}
