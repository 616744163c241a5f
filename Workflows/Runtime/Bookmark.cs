namespace GridCase.Workflows.Runtime;

/// <summary>A place where an instance waits. For a human task the id is the work item's id.</summary>
public sealed record Bookmark(Guid Id, string ActivityId, string Kind);
