using System.Text.Json.Nodes;
using GridCase.Workflows.Expressions;
using GridCase.Workflows.Runtime;

namespace GridCase.CaseActivities;

/// <summary>Lets scripts read $case: the case as the API shows it ("case" is a JavaScript keyword).</summary>
public sealed class CaseScriptGlobals : IScriptGlobals
{
    public void AddTo(WorkflowRun run, IDictionary<string, JsonNode?> globals)
    {
        if (run.Features.Find<CaseRun>()?.Case is not { } c) return;
        globals["$case"] = new JsonObject
        {
            ["number"] = c.Number,
            ["channel"] = c.Channel.ToString(),
            ["itemCode"] = c.ItemCode,
            ["gridCode"] = c.Area.GridCode,
            ["departmentCode"] = c.DepartmentCode,
            ["coHandlerCodes"] = new JsonArray([.. c.CoHandlerCodes.Select(code => (JsonNode)code)]),
            ["responsibleLevel"] = c.ResponsibleLevel?.ToString(),
            ["dispatchRound"] = c.DispatchRound,
            ["reworkCount"] = c.ReworkCount,
            ["returnCount"] = c.ReturnCount,
            ["reopenCount"] = c.ReopenCount,
            ["satisfaction"] = c.Satisfaction?.ToString(),
            ["urgency"] = c.Catalog?.Urgency.ToString(),
        };
    }
}
