using System.Security.Claims;
using GridCase.CaseActivities;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Org;
using GridCase.Domain.Supervision;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using GridCase.Host.Timers;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Supervision;

/// <summary>
/// What a supervisor does with an entry: raise one by hand, urge (催办), escalate (上报), joint supervision (联合督办),
/// resolve, close. Each checks the caller's scope, validates before it writes, and journals on the case.
/// </summary>
public sealed class SupervisionActions(
    GridCaseDbContext db, SupervisionList list, SupervisionScope scope, SupervisionReader reader, CaseScope cases, OrgDirectory org,
    INotificationOutbox outbox, WorkItemDispatcher workItems, TimerScheduler timers, UnitOfWork unit, TimeProvider clock)
{
    private const string ActivityId = "supervision";

    public async Task<(SupervisionEntryDto Entry, bool Created)> RaiseAsync(Guid caseId, ClaimsPrincipal user, RaiseSupervisionBody body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = Required(body.Reason, "reason", "须填写督办事由 / a reason is required", errors);
        var severity = RequestFields.Enum<SupervisionSeverity>(body.Severity, "severity", errors) ?? SupervisionSeverity.High;
        var now = clock.GetUtcNow();
        if (body.DueAt is { } due && due <= now) errors["dueAt"] = ["督办期限须晚于现在 / dueAt must be in the future"];
        if (body.ResponsibleOrgUnitCode is { } unitCode && org.Find(unitCode) is null)
            errors["responsibleOrgUnitCode"] = [$"组织 {unitCode} 不存在 / no org unit {unitCode}"];
        if (errors.Count > 0) throw new DomainException("督办内容有误 / the supervision is invalid", errors);
        await cases.FindVisibleAsync(caseId, user, cancellationToken);

        var (entry, created) = await unit.RunAsync(async ct =>
        {
            var entry = await list.RaiseAsync(new SupervisionRaise(caseId, SupervisionKind.Manual, reason!, severity, user.UserName(), now,
                body.ResponsibleOrgUnitCode, DueAt: body.DueAt), ct);
            return (entry, db.Entry(entry).State == EntityState.Added);
        }, cancellationToken, SupervisionList.IsRaceLost);
        return (await reader.ToDtoAsync(entry, cancellationToken), created);
    }

    public Task<SupervisionEntryDto> UrgeAsync(long id, ClaimsPrincipal user, UrgeBody body, CancellationToken cancellationToken)
    {
        if (body.Comment is { Length: > 2000 }) throw DomainException.Field("comment", "说明最长 2000 字 / comment is at most 2000 characters");
        return ActAsync(id, user, async (entry, @case, now, ct) =>
        {
            var open = await db.WorkItems.Where(w => w.CaseId == entry.CaseId && w.Status == WorkItemStatus.Open).ToListAsync(ct);
            if (open.Count == 0) throw new ConflictException("案件没有在办任务可催办 / the case has no open work item to urge");
            entry.Urge(user.UserName(), body.Comment, now);
            var title = $"催办：案件 {@case.Number} / urged: case {@case.Number}";
            var message = $"{entry.Reason}（第 {entry.UrgeCount} 次催办 / urge {entry.UrgeCount}）" + (string.IsNullOrWhiteSpace(body.Comment) ? "" : $" {body.Comment.Trim()}");
            // Whoever holds each open work item: the claimant, else everybody who may claim it.
            foreach (var item in open)
                await outbox.PutAsync(item.AssignedUser is { } assignee
                    ? new NotificationRequest(@case.Id, ActivityId, [], "", [assignee], false, title, message, now)
                    : new NotificationRequest(@case.Id, ActivityId, [item.Role], item.ScopeOrgUnitCode, [], false, title, message, now), ct);
            return ("SupervisionUrged", $"{message}");
        }, cancellationToken);
    }

    public Task<SupervisionEntryDto> EscalateAsync(long id, ClaimsPrincipal user, EscalateBody body, CancellationToken cancellationToken)
    {
        var reason = Required(body.Reason, "reason", "须填写上报理由 / a reason is required");
        return ActAsync(id, user, (entry, _, now, _) =>
        {
            var parent = org.Find(entry.ResponsibleOrgUnitCode)?.ParentCode
                ?? throw new ConflictException("责任单位已是最高一级 / the responsible org unit is already at the top level");
            entry.Escalate(parent, user.UserName(), reason, now);
            return Task.FromResult(("SupervisionEscalated", $"{parent}: {reason}"));
        }, cancellationToken);
    }

    public async Task<SupervisionEntryDto> JointAsync(long id, ClaimsPrincipal user, JointSupervisionBody body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var now = clock.GetUtcNow();
        var lead = Required(body.LeadDepartmentCode, "leadDepartmentCode", "须指定主办部门 / a lead department is required", errors);
        if (lead is not null && !org.IsDepartment(lead)) errors["leadDepartmentCode"] = [$"{lead} 不是部门 / {lead} is not a department"];
        var co = (body.CoHandlerCodes ?? []).Select(c => c?.Trim() ?? "").ToList();
        var badCo = co.Where(c => !org.IsDepartment(c)).ToList();
        if (co.Count == 0) errors["coHandlerCodes"] = ["联合督办须至少一个协办部门 / joint supervision needs at least one co-handling department"];
        else if (badCo.Count > 0) errors["coHandlerCodes"] = [$"不是部门 / not departments: {string.Join(", ", badCo)}"];
        else if (co.Distinct().Count() != co.Count || (lead is not null && co.Contains(lead)))
            errors["coHandlerCodes"] = ["协办部门不能重复，也不能是主办部门 / co-handlers must differ from each other and from the lead"];
        if (body.DueAt is not { } due) errors["dueAt"] = ["须填写办理期限 / dueAt is required"];
        else if (due <= now) errors["dueAt"] = ["办理期限须晚于现在 / dueAt must be in the future"];
        if (body.Comment is { Length: > 2000 }) errors["comment"] = ["说明最长 2000 字 / comment is at most 2000 characters"];
        if (errors.Count > 0) throw new DomainException("联合督办内容有误 / the joint supervision is invalid", errors);

        var dueAt = body.DueAt!.Value;
        var (dto, opened) = await ActCoreAsync(id, user, async (entry, @case, at, ct) =>
        {
            if (@case.Status != CaseStatus.Open) throw new ConflictException("案件已结束，不能联合督办 / the case is no longer open");
            var instance = await db.WorkflowInstances.Where(i => i.CorrelationId == @case.Id).OrderByDescending(i => i.CreatedAt).FirstAsync(ct);
            // The warning at four fifths of the term, as the flows' tasks warn.
            var deadline = new TaskDeadline(at + (dueAt - at) * 0.8, dueAt);
            foreach (var (code, role) in co.Select(c => (c, "协办 / co-handler")).Prepend((lead!, "主办 / lead")))
                await workItems.OpenAsync(new TaskRequest(@case.Id, instance.Id, JointSupervision.ActivityIdOf(entry.Id), CaseStage.Handle,
                    $"联合督办（{role}）/ joint supervision", Roles.Handler, code, [JointSupervision.Outcome], at, deadline, "Natural"), ct);
            entry.StartJoint(lead!, co, dueAt, user.UserName(), at);
            return ("JointSupervision", $"主办 {lead}，协办 {string.Join("、", co)}，限 {dueAt:yyyy-MM-dd HH:mm zzz}" +
                (string.IsNullOrWhiteSpace(body.Comment) ? "" : $"：{body.Comment.Trim()}"));
        }, cancellationToken);
        timers.Schedule(opened);
        return dto;
    }

    public Task<SupervisionEntryDto> ResolveAsync(long id, ClaimsPrincipal user, SupervisionResultBody body, CancellationToken cancellationToken) =>
        FinishAsync(id, user, body, resolve: true, cancellationToken);

    public Task<SupervisionEntryDto> CloseAsync(long id, ClaimsPrincipal user, SupervisionResultBody body, CancellationToken cancellationToken) =>
        FinishAsync(id, user, body, resolve: false, cancellationToken);

    private Task<SupervisionEntryDto> FinishAsync(long id, ClaimsPrincipal user, SupervisionResultBody body, bool resolve, CancellationToken cancellationToken)
    {
        var result = Required(body.Result, "result", "须填写督办结果 / a result is required");
        return ActAsync(id, user, (entry, _, now, _) =>
        {
            if (resolve) entry.Resolve(result, user.UserName(), now);
            else entry.Close(result, user.UserName(), now);
            return Task.FromResult((resolve ? "SupervisionResolved" : "SupervisionClosed", result));
        }, cancellationToken);
    }

    private async Task<SupervisionEntryDto> ActAsync(
        long id, ClaimsPrincipal user, Func<SupervisionEntry, Case, DateTimeOffset, CancellationToken, Task<(string Event, string Comment)>> act,
        CancellationToken cancellationToken) =>
        (await ActCoreAsync(id, user, act, cancellationToken)).Entry;

    /// <summary>Loads the entry (404) within the caller's scope (403), acts, journals on the case and saves, in one unit of work.</summary>
    private async Task<(SupervisionEntryDto Entry, IReadOnlyList<WorkItem> Opened)> ActCoreAsync(
        long id, ClaimsPrincipal user, Func<SupervisionEntry, Case, DateTimeOffset, CancellationToken, Task<(string Event, string Comment)>> act,
        CancellationToken cancellationToken)
    {
        var (entry, opened) = await unit.RunAsync(async ct =>
        {
            var entry = await db.SupervisionEntries.SingleOrDefaultAsync(e => e.Id == id, ct)
                ?? throw new NotFoundException($"督办 {id} 不存在 / no supervision entry {id}");
            if (!scope.Sees(user, entry)) throw new ForbiddenException("督办不在您的管辖范围 / the supervision entry is outside your org scope");
            var @case = await db.Cases.SingleAsync(c => c.Id == entry.CaseId, ct);
            var now = clock.GetUtcNow();
            var (@event, comment) = await act(entry, @case, now, ct);
            // A racing action on the same entry loses with a conflict and is tried again from a fresh read.
            entry.Version = Guid.NewGuid();
            db.Journal.Add(JournalEntry.Write(@case.Id, now, @case.Stage, null, @event, entry.Kind.ToString(), user.UserName(), comment));
            return (entry, workItems.Opened());
        }, cancellationToken);
        return (await reader.ToDtoAsync(entry, cancellationToken), opened);
    }

    private static string Required(string? value, string field, string message)
    {
        var errors = new Dictionary<string, string[]>();
        var text = Required(value, field, message, errors);
        if (errors.Count > 0) throw new DomainException(message, errors);
        return text!;
    }

    private static string? Required(string? value, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [message];
        else if (value.Length > 2000) errors[field] = [$"{field} 最长 2000 字 / {field} is at most 2000 characters"];
        else return value.Trim();
        return null;
    }
}
