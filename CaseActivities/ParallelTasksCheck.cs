using GridCase.Workflows.Definitions;

namespace GridCase.CaseActivities;

/// <summary>What a ParallelTasks step's inputs must agree on beyond their types, refused on save like a bad literal.</summary>
public sealed class ParallelTasksCheck(ParallelTasks parallel) : IDefinitionCheck
{
    public ValueTask CheckAsync(WorkflowDefinition definition, ICollection<DefinitionIssue> issues, CancellationToken cancellationToken)
    {
        foreach (var node in definition.Root.Activities.Where(a => a.Type == parallel.Descriptor.Type))
        {
            var outcomes = parallel.Outcomes.Literal(node);
            var coHandling = parallel.Completion.Literal(node) == ParallelCompletion.LeadAndCoHandlers;
            var answers = coHandling ? [.. outcomes, .. parallel.PartOutcomes.Literal(node)] : outcomes;
            foreach (var outcome in parallel.FinishAtOnceFor.Literal(node).Where(o => !outcomes.Contains(o)))
                issues.Add(new(node.Id, "BadInput", $"{node.Id}.{parallel.FinishAtOnceFor.Name}: {outcome} 不是可选结果 / is not one of the outcomes")
                    { Input = parallel.FinishAtOnceFor.Name });
            foreach (var outcome in parallel.CommentRequiredFor.Literal(node).Where(o => !answers.Contains(o)))
                issues.Add(new(node.Id, "BadInput", $"{node.Id}.{parallel.CommentRequiredFor.Name}: {outcome} 不是可选结果 / is not one of the outcomes")
                    { Input = parallel.CommentRequiredFor.Name });
            if (!coHandling && (parallel.Lead.RawOn(node) is not null || parallel.FinishAtOnceFor.Literal(node).Count > 0))
                issues.Add(new(node.Id, "BadInput",
                    $"{node.Id}: 主办与“即结束”结果仅用于 LeadAndCoHandlers / lead and finishAtOnceFor apply only to the LeadAndCoHandlers rule")
                    { Input = parallel.Completion.Name });
        }
        return ValueTask.CompletedTask;
    }
}
