using System.Text.Json.Nodes;
using GridCase.Domain.WorkItems;

namespace GridCase.Workflows.Runtime;

/// <summary>A person completing a work item: the only thing that moves a waiting instance on.</summary>
public sealed record Stimulus(WorkItem WorkItem, string Outcome, string? Comment, JsonObject? Data, string Actor);
