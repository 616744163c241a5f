using System.Text.Json.Nodes;

namespace GridCase.Host.WorkItems;

public sealed record CompleteWorkItemRequest(string? Outcome, string? Comment, JsonObject? Data);
