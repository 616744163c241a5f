using System.Text.Json.Nodes;

namespace GridCase.Workflows.Runtime;

/// <summary>What releases a bookmark: for a human task, a person completing the work item with an outcome.</summary>
public sealed record Stimulus(Guid BookmarkId, string Outcome, string? Comment, JsonObject? Data, string Actor);
