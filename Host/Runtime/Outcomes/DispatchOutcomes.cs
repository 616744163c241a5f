using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime.Outcomes;

/// <summary>
/// 派遣: to the department named, else to the catalog item's owner. After a return it is 改派: never back to a
/// department that returned the case in this round (the owner of the item is usually the one that did), and journaled
/// with where it goes from and to.
/// </summary>
public sealed class CaseDispatched(OrgDirectory org, GridCaseDbContext db) : IStageOutcomeHandler
{
    public CaseStage Stage => CaseStage.Dispatch;
    public string? Outcome => "Dispatch";

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        var @case = outcome.Case;
        var code = outcome.Stimulus.Data?["departmentCode"]?.ToString();
        if (string.IsNullOrWhiteSpace(code))
            code = @case.Catalog?.OwnerDepartmentCode
                ?? throw DomainException.Field("data.departmentCode", "案件未分类，须指定派遣部门 / the case has no catalog item; name data.departmentCode");
        else if (!org.IsDepartment(code))
            throw DomainException.Field("data.departmentCode", $"{code} 不是部门 / {code} is not a department");

        if (@case.ReturnCount > 0)
        {
            var returnedBy = await db.CaseReturns.AsNoTracking()
                .Where(r => r.CaseId == @case.Id && r.DispatchRound == @case.DispatchRound)
                .Select(r => r.DepartmentCode).Distinct().ToListAsync(cancellationToken);
            if (returnedBy.Contains(code))
                throw DomainException.Field("data.departmentCode",
                    $"{code} 已退回此案件，请改派其他部门 / {code} returned this case; re-dispatch it to another department (data.departmentCode)");
            if (returnedBy.Count > 0)
                db.Journal.Add(JournalEntry.Write(@case.Id, outcome.Now, CaseStage.Dispatch, null, "Redispatched", code,
                    outcome.Stimulus.Actor, $"{string.Join(", ", returnedBy)} → {code}"));
        }
        @case.Dispatch(code);
    }
}
