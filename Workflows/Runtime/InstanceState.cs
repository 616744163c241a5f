using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Runtime;

/// <summary>Everything an instance must remember between stimuli; stored as one JSON column.</summary>
public sealed class InstanceState
{
    public JsonObject Variables { get; init; } = [];
    public List<Bookmark> Bookmarks { get; init; } = [];
    /// <summary>Per joining activity (<see cref="Activities.IJoinActivity"/>), the sources that have arrived so far.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; init; } = [];
    /// <summary>The activities that threw and wait for a retry; while any does, the instance is <see cref="WorkflowStatus.Faulted"/>.</summary>
    public List<ActivityFault> Faults { get; init; } = [];
    /// <summary>Per activity that waits on several bookmarks at once (e.g. ParallelTasks), what it must remember between its stimuli.</summary>
    public Dictionary<string, JsonObject> ActivityStates { get; init; } = [];

    public static InstanceState Parse(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.Options) ?? new InstanceState();

    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);
}
