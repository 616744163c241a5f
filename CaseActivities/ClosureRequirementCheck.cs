using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Workflows.Definitions;

namespace GridCase.CaseActivities;

/// <summary>
/// Warns (does not refuse) when a flow has no human task of the stage that a closure requirement of its
/// items needs, e.g. items requiring a passed verification on a flow without a Verify task: such cases
/// could never close, or would close without the evidence.
/// </summary>
public sealed class ClosureRequirementCheck(HumanTask humanTask, IClosureRequirementSource requirements) : IDefinitionCheck
{
    private static readonly (ClosureRequirement Requirement, CaseStage Stage)[] Needs =
    [
        (ClosureRequirement.VerificationPass, CaseStage.Verify),
        (ClosureRequirement.ResidentCallback, CaseStage.Evaluate),
        (ClosureRequirement.AfterPhoto, CaseStage.Handle),
        (ClosureRequirement.BeforePhoto, CaseStage.Handle),
        (ClosureRequirement.HandlerComment, CaseStage.Handle),
    ];

    public async ValueTask CheckAsync(WorkflowDefinition definition, ICollection<DefinitionIssue> issues, CancellationToken cancellationToken)
    {
        var met = await requirements.RequirementsMetByAsync(definition.DefinitionId, cancellationToken);
        if (met.Count == 0) return;
        var stages = definition.Root.Activities
            .Where(a => a.Type == humanTask.Descriptor.Type)
            .Select(a => humanTask.Stage.Literal(a))
            .ToHashSet();
        foreach (var (requirement, stage) in Needs)
            if (met.Contains(requirement) && !stages.Contains(stage))
                issues.Add(new(null, "UnsatisfiableClosure",
                    $"本流程的事项要求 {requirement}，但流程没有 {stage} 环节的人工任务 / items of this flow require {requirement}, but the flow has no {stage} human task",
                    IssueSeverity.Warning));
    }
}
