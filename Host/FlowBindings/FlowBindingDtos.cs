using System.Text.Json.Nodes;

namespace GridCase.Host.FlowBindings;

/// <param name="Channel">A <c>Channel</c> name, or null for any channel.</param>
public sealed record FlowBindingDto(string? Channel, string? CategoryCode, string? ItemCode, string? DefinitionId)
{
    public static FlowBindingDto From(FlowBinding b) => new(b.Channel?.ToString(), b.CategoryCode, b.ItemCode, b.DefinitionId);
}

public sealed record FlowBindingChangeDto(long Id, string ChangedBy, DateTimeOffset ChangedAt, JsonNode? Before, JsonNode? After);
