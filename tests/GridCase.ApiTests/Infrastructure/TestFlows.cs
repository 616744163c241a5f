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
