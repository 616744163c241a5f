namespace GridCase.Workflows.Runtime;

/// <summary>A place where an instance waits. The id is the caller's, e.g. a work item's for a human task.</summary>
public sealed record Bookmark(Guid Id, string ActivityId, string Kind);
