namespace GridCase.Workflows.Definitions;

/// <summary>A check beside the engine's own, registered in DI (e.g. what a case flow must offer for the catalog's closure standards).</summary>
public interface IDefinitionCheck
{
    ValueTask CheckAsync(WorkflowDefinition definition, ICollection<DefinitionIssue> issues, CancellationToken cancellationToken);
}
