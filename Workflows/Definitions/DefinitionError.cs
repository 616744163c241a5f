namespace GridCase.Workflows.Definitions;

/// <summary>One problem of a definition, tied to the activity (or connection) the designer should highlight.</summary>
public sealed record DefinitionError(string? ActivityId, string Code, string Message);
