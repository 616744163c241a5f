using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Calendars;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Calendars;
using GridCase.Host.Identity;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using GridCase.Host.Timers;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Deadlines;

/// <summary>Extensions (延期) and suspensions (挂起): the two ways a deadline moves, both journaled and rescheduled.</summary>
public sealed class DeadlineService(
    GridCaseDbContext db, CaseWorkflow workflow, CalendarService calendars, TimerScheduler timers, OrgDirectory org, UnitOfWork unit,
    TimeProvider clock)
{
    public Task<ExtensionRequestDto> RequestExtensionAsync(Guid workItemId, ClaimsPrincipal user, ExtensionRequestBody body, CancellationToken cancellationToken) =>
        unit.RunAsync(async ct =>
        {
            var item = await workflow.LoadWorkableAsync(workItemId, i => workflow.CanWork(user, i), ct);
            if (body.NewDueAt is not { } newDue)
                throw DomainException.Field("newDueAt", "须填写新的截止时间 / newDueAt is required");
            if (await db.ExtensionRequests.AnyAsync(e => e.WorkItemId == workItemId && e.Status == ExtensionStatus.Pending, ct))
                throw new ConflictException("已有待审批的延期申请 / an extension request is already pending");
            var now = clock.GetUtcNow();
            var request = ExtensionRequest.Ask(item, user.UserName(), body.Reason, newDue, now);
            db.ExtensionRequests.Add(request);
            Journal(item, "ExtensionRequested", null, $"{request.Reason}（申请延至 {newDue:yyyy-MM-dd HH:mm zzz}）", user.UserName());
            // The pending check above is a read; writing the work item's token as well makes a racing second
            // request lose with a conflict on server databases, where writers are not queued in-process.
            db.Entry(item).Property(w => w.Version).IsModified = true;
            return DeadlineMapper.ToDto(request);
        }, cancellationToken);

    public async Task<ExtensionRequestDto> DecideAsync(Guid requestId, bool approve, ClaimsPrincipal user, string? comment, CancellationToken cancellationToken)
    {
        var (request, item) = await unit.RunAsync(async ct =>
        {
            var request = await db.ExtensionRequests.SingleOrDefaultAsync(e => e.Id == requestId, ct)
                ?? throw new NotFoundException($"延期申请 {requestId} 不存在 / no extension request {requestId}");
            var item = await db.WorkItems.SingleAsync(w => w.Id == request.WorkItemId, ct);
            EnsureSupervises(user, item);
            var now = clock.GetUtcNow();
            request.Decide(approve, user.UserName(), comment, now);
            if (approve)
            {
                if (item.Status != WorkItemStatus.Open)
                    throw new ConflictException("任务已办结，无需延期 / the work item is no longer open");
                var (calendar, kind) = CalendarOf(item);
                var newDue = request.RequestedDueAt;
                var newWarn = DeadlineCalculator.WarnAt(calendar, item.CreatedAt, newDue, kind, WarnRatio(item));
                // While suspended the clock stands at the suspension: the new deadline is what is left from there.
                if (item.SuspendedAt is { } stopped)
                    item.Extend(newWarn, newDue,
                        newWarn > stopped ? DeadlineCalculator.Remaining(calendar, stopped, newWarn, kind) : TimeSpan.Zero,
                        DeadlineCalculator.Remaining(calendar, stopped, newDue, kind));
                else
                    item.Extend(newWarn, newDue);
            }
            Journal(item, approve ? "ExtensionApproved" : "ExtensionRejected", approve ? "Approved" : "Rejected", comment, user.UserName());
            return (request, item);
        }, cancellationToken);
        if (approve) timers.Schedule([item]);
        return DeadlineMapper.ToDto(request);
    }

    public Task SuspendAsync(Guid workItemId, ClaimsPrincipal user, string? reason, CancellationToken cancellationToken) =>
        unit.RunAsync(async ct =>
        {
            if (string.IsNullOrWhiteSpace(reason)) throw DomainException.Field("reason", "须填写挂起理由 / a reason is required");
            var item = await workflow.LoadWorkableAsync(workItemId, i => workflow.CanWork(user, i) || Supervises(user, i), ct);
            if (item.DueAt is not { } due) throw DomainException.Field("workItem", "此任务没有时限，无需挂起 / the work item has no deadline to stop");
            var (calendar, kind) = CalendarOf(item);
            var now = clock.GetUtcNow();
            var toWarn = item.WarnAt is { } warn ? DeadlineCalculator.Remaining(calendar, now, warn, kind) : TimeSpan.Zero;
            item.Suspend(now, toWarn, DeadlineCalculator.Remaining(calendar, now, due, kind));
            Journal(item, "Suspended", null, reason, user.UserName());
        }, cancellationToken);

    public async Task ResumeAsync(Guid workItemId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await unit.RunAsync(async ct =>
        {
            var item = await workflow.LoadWorkableAsync(workItemId, i => workflow.CanWork(user, i) || Supervises(user, i), ct);
            if (!item.IsSuspended) throw new ConflictException("任务未挂起 / the work item is not suspended");
            var (calendar, kind) = CalendarOf(item);
            var now = clock.GetUtcNow();
            // What was already late stays late: only the time that was left is given back.
            var due = item.Sla == SlaState.Overdue ? item.DueAt : DeadlineCalculator.Resume(calendar, now, item.RemainingToDue!.Value, kind);
            var warn = item.Sla != SlaState.Normal ? item.WarnAt : DeadlineCalculator.Resume(calendar, now, item.RemainingToWarn!.Value, kind);
            item.Resume(warn, due);
            Journal(item, "Resumed", null, $"截止 {due:yyyy-MM-dd HH:mm zzz}", user.UserName());
            return item;
        }, cancellationToken);
        timers.Schedule([item]);
    }

    private (WorkingCalendar Calendar, CalendarKind Kind) CalendarOf(WorkItem item) =>
        (calendars.For(item.ScopeOrgUnitCode), Enum.Parse<CalendarKind>(item.Calendar));

    /// <summary>The share of the limit at which the item warned before, kept for its new deadline.</summary>
    private static double WarnRatio(WorkItem item) =>
        item is { WarnAt: { } warn, DueAt: { } due } && due > item.CreatedAt
            ? Math.Clamp((warn - item.CreatedAt) / (due - item.CreatedAt), 0.01, 1)
            : 0.8;

    private bool Supervises(ClaimsPrincipal user, WorkItem item) =>
        (user.IsInRole(Roles.Dispatcher) || user.IsInRole(Roles.Supervisor)) && org.Covers(user.OrgUnitCode(), item.ScopeOrgUnitCode);

    private void EnsureSupervises(ClaimsPrincipal user, WorkItem item)
    {
        if (!Supervises(user, item))
            throw new ForbiddenException("须由管辖范围内的派遣员或督办员审批 / a dispatcher or supervisor over this work item decides");
    }

    private void Journal(WorkItem item, string @event, string? outcome, string? comment, string actor) =>
        db.Journal.Add(JournalEntry.Write(item.CaseId, clock.GetUtcNow(), item.Stage, item.ActivityId, @event, outcome, actor, comment));
}
