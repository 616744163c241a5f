using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Activities;

/// <summary>An activity's view of the run: its own inputs, the case, and a way to write the journal.</summary>
public sealed class ActivityContext(WorkflowRun run, ActivityNode node)
{
    public WorkflowRun Run { get; } = run;
    public ActivityNode Node { get; } = node;
    public Case Case => Run.Case;
    public DateTimeOffset Now => Run.Now;
    public IWorkflowServices Services => Run.Services;

    public void Journal(CaseStage stage, string @event, string? outcome = null, string? comment = null, string? actor = null) =>
        Run.Write(stage, Node.Id, @event, outcome, comment, actor);

    /// <summary>The input's value: a literal as written, or the result of its JavaScript expression.</summary>
    public JsonNode? Input(string name)
    {
        var raw = Node.Inputs?[name];
        if (ExpressionOf(raw) is { } script)
            return Run.Evaluator.Evaluate(script, Globals());
        return raw;
    }

    public string? String(string name) => Input(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public double? Number(string name) => Input(name) is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    public bool Bool(string name)
    {
        var value = Input(name);
        return value is JsonValue v && v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => bool.TryParse(v.GetValue<string>(), out var b) && b,
            JsonValueKind.Number => v.GetValue<double>() != 0,
            _ => false,
        };
    }

    public IReadOnlyList<string> StringList(string name) =>
        Input(name) is JsonArray a ? [.. a.Select(x => x?.ToString() ?? "").Where(x => x.Length > 0)] : [];

    public static string? ExpressionOf(JsonNode? raw) =>
        raw is JsonObject o && o["expression"] is JsonObject e && e["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>What a script can read: $case (the case as the API shows it; "case" is a JavaScript keyword), and the instance variables.</summary>
    private Dictionary<string, JsonNode?> Globals() => new()
    {
        ["$case"] = new JsonObject
        {
            ["number"] = Case.Number,
            ["channel"] = Case.Channel.ToString(),
            ["itemCode"] = Case.ItemCode,
            ["gridCode"] = Case.Area.GridCode,
            ["departmentCode"] = Case.DepartmentCode,
            ["dispatchRound"] = Case.DispatchRound,
            ["reworkCount"] = Case.ReworkCount,
            ["returnCount"] = Case.ReturnCount,
            ["satisfaction"] = Case.Satisfaction?.ToString(),
            ["urgency"] = Case.Catalog?.Urgency.ToString(),
        },
        ["vars"] = Run.State.Variables.DeepClone(),
    };

    public DomainException InputError(string message) =>
        new($"活动 {Node.Id} 配置有误 / activity {Node.Id} is misconfigured: {message}");
}
