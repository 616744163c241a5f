using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridCase.Workflows.Definitions;

/// <summary>A flow as the designer edits it and the engine runs it; shaped after Elsa 3's JSON.</summary>
public sealed record WorkflowDefinition
{
    public required string DefinitionId { get; init; }
    public int Version { get; init; } = 1;
    public bool IsPublished { get; init; }
    public bool IsLatest { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Initial values of the instance variables, e.g. maxDispatchRounds.</summary>
    public JsonObject? Variables { get; init; }
    public required Flowchart Root { get; init; }

    public ActivityNode? Find(string activityId) => Root.Activities.FirstOrDefault(a => a.Id == activityId);

    public IEnumerable<Connection> From(string activityId, string port) =>
        Root.Connections.Where(c => c.Source.Activity == activityId && string.Equals(c.Source.Port, port, StringComparison.Ordinal));

    public IEnumerable<ActivityNode> StartActivities() =>
        Root.Activities.Where(a => Root.Connections.All(c => c.Target.Activity != a.Id));

    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowJson.Options)
        ?? throw new JsonException("empty workflow definition");

    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);
}

public sealed record Flowchart
{
    public string Type { get; init; } = "Flowchart";
    public List<ActivityNode> Activities { get; init; } = [];
    public List<Connection> Connections { get; init; } = [];
}

public sealed record ActivityNode
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Name { get; init; }
    /// <summary>Literal JSON values, or {"expression": {"type": "JavaScript", "value": "..."}}.</summary>
    public JsonObject? Inputs { get; init; }
    public Position? Position { get; init; }
}

public sealed record Connection(Endpoint Source, Endpoint Target);

public sealed record Endpoint(string Activity, string? Port);

public sealed record Position(double X, double Y);
