using System.Text.Json.Nodes;
using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime.Outcomes;

/// <summary>
/// 派遣: to the department named (data.leadDepartmentCode, or data.departmentCode), else to the catalog item's
/// owner; with data.coHandlerCodes the named departments co-handle beside it (主办/协办). After a return it is 改派:
/// never back to a department that returned the case in this round (the owner of the item is usually the one that
/// did), and journaled with where it goes from and to.
/// </summary>
public sealed class CaseDispatched(OrgDirectory org, GridCaseDbContext db) : IStageOutcomeHandler
{
    /// <summary>More co-handlers than this is a joint supervision, not a dispatch.</summary>
    public const int MaxCoHandlers = 10;

    public CaseStage Stage => CaseStage.Dispatch;
    public string? Outcome => "Dispatch";

    public async ValueTask HandleAsync(StageOutcome outcome, CancellationToken cancellationToken)
    {
        var @case = outcome.Case;
        var data = outcome.Stimulus.Data;
        var errors = new Dictionary<string, string[]>();
        var field = data?["leadDepartmentCode"] is not null ? "data.leadDepartmentCode" : "data.departmentCode";
        var code = data?[field["data.".Length..]]?.ToString();
        if (string.IsNullOrWhiteSpace(code))
        {
            code = @case.Catalog?.OwnerDepartmentCode;
            if (code is null) errors["data.departmentCode"] = ["案件未分类，须指定派遣部门 / the case has no catalog item; name data.departmentCode"];
        }
        else if (!org.IsDepartment(code))
            errors[field] = [$"{code} 不是部门 / {code} is not a department"];
        var coHandlers = CoHandlers(data?["coHandlerCodes"], errors);

        List<string> returnedBy = [];
        if (@case.ReturnCount > 0 && code is not null && !errors.ContainsKey(field))
        {
            returnedBy = await db.CaseReturns.AsNoTracking()
                .Where(r => r.CaseId == @case.Id && r.DispatchRound == @case.DispatchRound)
                .Select(r => r.DepartmentCode).Distinct().ToListAsync(cancellationToken);
            if (returnedBy.Contains(code))
                errors[field] = [$"{code} 已退回此案件，请改派其他部门 / {code} returned this case; re-dispatch it to another department ({field})"];
        }
        if (errors.Count > 0) throw new DomainException("派遣信息有误 / the dispatch is invalid", errors);
        if (returnedBy.Count > 0)
            db.Journal.Add(JournalEntry.Write(@case.Id, outcome.Now, CaseStage.Dispatch, null, "Redispatched", code,
                outcome.Stimulus.Actor, $"{string.Join(", ", returnedBy)} → {code}"));
        @case.Dispatch(code!, coHandlers);
    }

    private List<string> CoHandlers(JsonNode? node, Dictionary<string, string[]> errors)
    {
        if (node is null) return [];
        if (node is not JsonArray list || list.Any(x => x is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            errors["data.coHandlerCodes"] = ["须为部门代码的列表 / must be a list of department codes"];
            return [];
        }
        var codes = list.Select(x => x!.GetValue<string>()).ToList();
        if (codes.Count > MaxCoHandlers)
            errors["data.coHandlerCodes"] = [$"协办部门最多 {MaxCoHandlers} 个 / at most {MaxCoHandlers} co-handlers"];
        var unknown = codes.Where(c => !org.IsDepartment(c)).ToList();
        if (unknown.Count > 0)
            errors["data.coHandlerCodes"] = [$"不是部门 / not departments: {string.Join(", ", unknown)}"];
        return codes;
    }
}
