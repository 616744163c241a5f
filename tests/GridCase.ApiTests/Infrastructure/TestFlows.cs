using System.Net;
using System.Text.Json.Nodes;

namespace GridCase.ApiTests.Infrastructure;

/// <summary>Small flows written by the tests, saved and published over HTTP as a policy admin would.</summary>
public static class TestFlows
{
    /// <summary>Accept → AutoDispatch → End: a case is done once accepted.</summary>
    public static JsonObject QuickFix(string definitionId, JsonNode? acceptTimeLimit = null) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = "快速处置 / quick fix",
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "accept", ["type"] = "HumanTask", ["name"] = "受理",
                    ["inputs"] = new JsonObject
                    {
                        ["stage"] = "Accept", ["role"] = "Acceptor", ["scope"] = "District", ["outcomes"] = new JsonArray("Accept"),
                        ["timeLimit"] = acceptTimeLimit ?? "PT1H",
                    },
                },
                new JsonObject { ["id"] = "dispatch", ["type"] = "AutoDispatch" },
                new JsonObject { ["id"] = "end", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Done" } }),
            ["connections"] = new JsonArray(Link("accept", "Accept", "dispatch"), Link("dispatch", "Done", "end")),
        },
    };

    /// <summary>One waiting activity, then End Done on <paramref name="port"/> (and End Unresolved on <paramref name="otherPort"/>).</summary>
    public static JsonObject Waiting(string definitionId, string type, JsonObject inputs, string port, string? otherPort = null)
    {
        var activities = new JsonArray(
            new JsonObject { ["id"] = "wait", ["type"] = type, ["inputs"] = inputs },
            new JsonObject { ["id"] = "done", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Done" } });
        var connections = new JsonArray(Link("wait", port, "done"));
        if (otherPort is not null)
        {
            activities.Add(new JsonObject { ["id"] = "late", ["type"] = "End", ["inputs"] = new JsonObject { ["result"] = "Unresolved" } });
            connections.Add(Link("wait", otherPort, "late"));
        }
        return new JsonObject
        {
            ["definitionId"] = definitionId, ["name"] = definitionId,
            ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
    }

    /// <summary>Publishes the flow and binds it to the item: the item's new cases run it.</summary>
    public static async Task BindAsync(GridCaseApp app, JsonObject flow, string itemCode)
    {
        await PublishAsync(app, flow);
        await ApiClient.ReadAsync(await app.Client("policy").PutAsync("/api/flow-bindings",
            new object[] { new { itemCode, definitionId = flow["definitionId"]!.GetValue<string>() } }), HttpStatusCode.OK);
    }

    public static JsonObject Expression(string script) => new()
    {
        ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script },
    };

    public static async Task PublishAsync(GridCaseApp app, JsonObject flow)
    {
        var id = flow["definitionId"]!.GetValue<string>();
        var policy = app.Client("policy");
        await ApiClient.ReadAsync(await policy.PutAsync($"/api/workflow-definitions/{id}/draft", flow), HttpStatusCode.OK);
        await ApiClient.ReadAsync(await policy.PostAsync($"/api/workflow-definitions/{id}/publish", null), HttpStatusCode.OK);
    }

    private static JsonObject Link(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
