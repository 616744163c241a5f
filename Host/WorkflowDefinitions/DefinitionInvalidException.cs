using GridCase.Workflows.Definitions;

namespace GridCase.Host.WorkflowDefinitions;

/// <summary>
/// A definition with errors: answered with 400, <c>errors</c> per activity id ("Code: message", as field errors
/// are) and every finding, warnings too, under <c>issues</c>.
/// </summary>
public sealed class DefinitionInvalidException(IReadOnlyList<DefinitionIssue> issues)
    : Exception("流程定义校验未通过 / the definition is invalid")
{
    public IReadOnlyList<DefinitionIssue> Issues { get; } = issues;

    public Dictionary<string, string[]> Errors =>
        Issues.Where(i => i.Severity == IssueSeverity.Error)
            .GroupBy(e => e.ActivityId ?? "definition")
            .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Code}: {e.Message}").ToArray());
}
