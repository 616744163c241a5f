using System.Text.Json.Nodes;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Expressions;

/// <summary>Adds names a JavaScript input can read beside <c>vars</c>, e.g. <c>$case</c> for case flows.</summary>
public interface IScriptGlobals
{
    void AddTo(WorkflowRun run, IDictionary<string, JsonNode?> globals);
}
