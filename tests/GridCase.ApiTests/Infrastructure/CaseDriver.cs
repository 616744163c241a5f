using System.Net;
using System.Text.Json.Nodes;

namespace GridCase.ApiTests.Infrastructure;

/// <summary>Plays the people of the loop: finds the open work item of a stage and completes it as its candidate.</summary>
public sealed class CaseDriver(GridCaseApp app)
{
    private readonly Dictionary<string, ApiClient> _clients = [];

    public ApiClient As(string userName) =>
        _clients.TryGetValue(userName, out var client) ? client : _clients[userName] = app.Client(userName);

    public ApiClient Acceptor => As("acceptor");

    public async Task<JsonNode> CaseAsync(string caseId) => await Acceptor.GetJsonAsync($"/api/cases/{caseId}");

    public static JsonNode OpenItem(JsonNode @case, string stage) =>
        @case["openWorkItems"]!.AsArray().Single(w => w!["stage"]!.GetValue<string>() == stage)!;

    /// <summary>Reports a case of the item, accepts it and dispatches it (to its owner, or to <paramref name="department"/>): the case waits in Handle.</summary>
    public async Task<JsonNode> ToHandleAsync(string itemCode, string? department = null)
    {
        var c = await Acceptor.ReportAsync(itemCode);
        c = await CompleteAsync(c, "Accept", "Accept");
        return await CompleteAsync(c, "Dispatch", "Dispatch", data: department is null ? null : new { departmentCode = department });
    }

    /// <summary>Completes the case's open item of <paramref name="stage"/> as its first candidate and returns the updated case.</summary>
    public async Task<JsonNode> CompleteAsync(JsonNode @case, string stage, string outcome, string? comment = null, object? data = null)
    {
        var item = OpenItem(@case, stage);
        var user = item["candidateUsers"]!.AsArray().First()!.GetValue<string>();
        var response = await As(user).CompleteAsync(item["id"]!.GetValue<string>(), outcome, comment, data);
        return await ApiClient.ReadAsync(response, HttpStatusCode.OK);
    }
}
