using GridCase.Workflows.Definitions;

namespace GridCase.CaseActivities;

/// <summary>Refuses an AutoDispatch to a department that names none, or names a literal code the org tree lacks.</summary>
public sealed class AutoDispatchCheck(AutoDispatch autoDispatch, IDispatchTargets targets) : IDefinitionCheck
{
    public ValueTask CheckAsync(WorkflowDefinition definition, ICollection<DefinitionIssue> issues, CancellationToken cancellationToken)
    {
        foreach (var node in definition.Root.Activities.Where(a => a.Type == autoDispatch.Descriptor.Type))
        {
            if (autoDispatch.To.Literal(node) != DispatchTarget.Department) continue;
            var name = autoDispatch.DepartmentCode.Name;
            if (autoDispatch.DepartmentCode.RawOn(node) is null)
                issues.Add(new(node.Id, "MissingInput", $"{node.Id}: 派遣对象为 Department 时须填 {name} / {name} is required with to = Department") { Input = name });
            else if (autoDispatch.DepartmentCode.Literal(node) is { Length: > 0 } code && !targets.CanHandle(code))
                issues.Add(new(node.Id, "BadInput", $"{node.Id}.{name}: {code} 不是部门或值守队 / {code} is no department or duty team") { Input = name });
        }
        return ValueTask.CompletedTask;
    }
}
