using GridCase.Workflows.Definitions;

namespace GridCase.Host.WorkflowDefinitions;

/// <summary>A validator finding as the designer reads it; <paramref name="Severity"/> is Error or Warning.</summary>
public sealed record DefinitionIssueDto(string? ActivityId, string? Input, string Code, string Message, string Severity)
{
    public static DefinitionIssueDto From(DefinitionIssue issue) =>
        new(issue.ActivityId, issue.Input, issue.Code, issue.Message, issue.Severity.ToString());
}
