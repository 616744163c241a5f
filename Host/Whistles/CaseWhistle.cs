using System.Security.Claims;
using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Calendars;
using GridCase.Domain.Cases;
using GridCase.Domain.Org;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Timers;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Whistles;

/// <summary>
/// 吹哨报到: a subdistrict or community that cannot solve a case alone summons departments. Each gets a summons
/// work item (kind <see cref="WorkItemKind.Summons"/>) with a short natural-time deadline; its SLA timers make an
/// unanswered one overdue and put it on the supervision list, against the department, not the case. The whistle
/// comes at any stage and beside the flow, so no flow step waits on it: answering journals the response and closes the item.
/// </summary>
public sealed class CaseWhistle(
    GridCaseDbContext db, UnitOfWork unit, CaseScope scope, OrgDirectory org, ITaskDeadlines deadlines, TimerScheduler timers, TimeProvider clock)
{
    public async Task WhistleAsync(Guid caseId, WhistleRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (departments, reason, limit) = Check(request);
        await scope.FindVisibleAsync(caseId, user, cancellationToken);
        if (org.Find(user.OrgUnitCode())?.Kind is not (OrgUnitKind.Subdistrict or OrgUnitKind.Community))
            throw new ForbiddenException("只有街道或社区可以吹哨 / only a subdistrict or a community may whistle");

        var opened = await unit.RunAsync(async ct =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId, ct);
            if (@case.Status != CaseStatus.Open)
                throw new ConflictException("案件已结束，不能吹哨 / the case is no longer open");
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.CorrelationId == caseId, ct);
            var now = clock.GetUtcNow();
            var items = departments.Select(code =>
            {
                var deadline = deadlines.Compute(now, limit.ToString(), nameof(CalendarKind.Natural), 0.8, code);
                return WorkItem.Open(caseId, instance.Id, Summons.ActivityId, @case.Stage, Summons.Name, Roles.Handler, code,
                    [Summons.Reported], now, deadline.WarnAt, deadline.DueAt, nameof(CalendarKind.Natural), WorkItemKind.Summons);
            }).ToList();
            db.WorkItems.AddRange(items);
            db.Journal.Add(JournalEntry.Write(caseId, now, @case.Stage, Summons.ActivityId, "Whistled", null, user.UserName(),
                $"{reason}（报到 summoned: {string.Join(", ", departments)}; 时限 within {limit}）"));
            return items;
        }, cancellationToken);
        timers.Schedule(opened);
    }

    /// <summary>报到: the summoned department's answer, journaled with its actor; a late one is late for the department only.</summary>
    public void Answer(WorkItem item, string actor, string outcome, string? comment)
    {
        var errors = new Dictionary<string, string[]>();
        if (outcome != Summons.Reported) errors["outcome"] = [$"结果须为 {Summons.Reported} / outcome must be {Summons.Reported}"];
        if (string.IsNullOrWhiteSpace(comment)) errors["comment"] = ["报到须说明本部门的处置意见 / a report needs the department's response"];
        if (errors.Count > 0) throw new DomainException("报到信息不完整 / the report is incomplete", errors);
        var now = clock.GetUtcNow();
        item.Complete(actor, outcome, comment, now);
        db.Journal.Add(JournalEntry.Write(item.CaseId, now, item.Stage, Summons.ActivityId, "SummonsAnswered", outcome, actor,
            $"{item.ScopeOrgUnitCode}{(item.IsLate ? "（逾期 late）" : "")}: {comment}"));
    }

    /// <summary>All field errors at once, before anything is read or written.</summary>
    private (List<string> Departments, string Reason, IsoDuration Limit) Check(WhistleRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var departments = (request.Departments ?? []).ToList();
        if (departments.Count == 0) errors["departments"] = ["须指定被召集的部门 / name the departments summoned"];
        else if (departments.Count > Summons.MaxDepartments) errors["departments"] = [$"最多召集 {Summons.MaxDepartments} 个部门 / at most {Summons.MaxDepartments} departments"];
        else if (departments.Distinct().Count() != departments.Count) errors["departments"] = ["部门重复 / a department is named twice"];
        else if (departments.Where(d => !org.IsDepartment(d ?? "")).ToList() is { Count: > 0 } unknown)
            errors["departments"] = [$"不是部门 / not departments: {string.Join(", ", unknown)}"];
        if (string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = ["须填写吹哨理由 / a reason is required"];
        else if (request.Reason.Length > Summons.MaxReasonLength) errors["reason"] = [$"理由最长 {Summons.MaxReasonLength} 字 / the reason is at most {Summons.MaxReasonLength} characters"];
        if (!IsoDuration.TryParse(request.ResponseLimit, out var limit) || limit.ToNaturalTimeSpan() <= TimeSpan.Zero)
            errors["responseLimit"] = ["须为 ISO-8601 时长，如 PT2H / must be an ISO-8601 duration such as PT2H"];
        else if (limit.ToNaturalTimeSpan() > Summons.MaxResponseLimit)
            errors["responseLimit"] = ["报到时限最长 3 天 / a summons gives at most 3 days"];
        if (errors.Count > 0) throw new DomainException("吹哨信息有误 / the whistle is invalid", errors);
        return (departments, request.Reason!.Trim(), limit);
    }
}
