using System.Text.Json.Nodes;
using GridCase.Workflows.Definitions;

namespace GridCase.Bench;

/// <summary>
/// The flow of the engine-alone row: 4 automatic steps → one pause until a person answers → 4 steps → end.
/// The pause is the core WaitForSignal: the case HumanTask needs a case row and work items, which this row leaves out on purpose.
/// </summary>
public static class EngineFlow
{
    public const string DefinitionId = "bench-4-pause-4";
    public const string Pause = "pause";

    public static WorkflowDefinition Create()
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        string[] ids = ["a1", "a2", "a3", "a4", Pause, "b1", "b2", "b3", "b4", "end"];
        foreach (var id in ids)
        {
            activities.Add(id switch
            {
                Pause => Node(id, "WaitForSignal", new JsonObject { ["signal"] = "Answered", ["roles"] = new JsonArray("Handler") }),
                "end" => Node(id, "End", new JsonObject { ["result"] = "Done" }),
                // Literal values: the row measures the engine and its persistence, not the script evaluator.
                _ => Node(id, "SetVariable", new JsonObject { ["variable"] = id, ["value"] = 1 }),
            });
        }
        for (var i = 0; i + 1 < ids.Length; i++)
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = ids[i], ["port"] = ids[i] == Pause ? "Received" : "Done" },
                ["target"] = new JsonObject { ["activity"] = ids[i + 1], ["port"] = "In" },
            });
        var json = new JsonObject
        {
            ["definitionId"] = DefinitionId, ["version"] = 1, ["isPublished"] = true, ["isLatest"] = true, ["name"] = "bench",
            ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
        return WorkflowDefinition.Parse(json.ToJsonString());
    }

    private static JsonObject Node(string id, string type, JsonObject inputs) =>
        new() { ["id"] = id, ["type"] = type, ["name"] = id, ["inputs"] = inputs, ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } };
}
