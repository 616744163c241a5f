namespace GridCase.Workflows.Definitions;

/// <summary>
/// One finding about a definition, tied to the activity (and input) the designer should highlight.
/// Errors stop a save or a publish; warnings are returned beside the saved draft.
/// </summary>
public sealed record DefinitionIssue(string? ActivityId, string Code, string Message, IssueSeverity Severity = IssueSeverity.Error)
{
    /// <summary>The input of <see cref="ActivityId"/> at fault, when it is one input.</summary>
    public string? Input { get; init; }
}

public enum IssueSeverity
{
    Error,
    Warning,
}
