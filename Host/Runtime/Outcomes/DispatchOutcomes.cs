using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Org;

namespace GridCase.Host.Runtime.Outcomes;

/// <summary>派遣: to the department named, else to the catalog item's owner.</summary>
public sealed class CaseDispatched(OrgDirectory org) : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Dispatch;
    public string? Outcome => "Dispatch";

    public ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        var code = outcome.Stimulus.Data?["departmentCode"]?.ToString();
        if (string.IsNullOrWhiteSpace(code))
            code = outcome.Case.Catalog?.OwnerDepartmentCode
                ?? throw DomainException.Field("data.departmentCode", "案件未分类，须指定派遣部门 / the case has no catalog item; name data.departmentCode");
        else if (!org.IsDepartment(code))
            throw DomainException.Field("data.departmentCode", $"{code} 不是部门 / {code} is not a department");
        outcome.Case.Dispatch(code);
        return ValueTask.CompletedTask;
    }
}
