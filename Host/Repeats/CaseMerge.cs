using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Host.Cases;
using GridCase.Host.Identity;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Repeats;

/// <summary>
/// 并案: the acceptor joins a report waiting for acceptance to a master case. The report leaves its loop (its tasks
/// are cancelled), both cases journal it, and the report ends when the master ends, with its result. All in one unit
/// of work: a case that moved meanwhile, or a master merged meanwhile, is a conflict and nothing is written.
/// </summary>
public sealed class CaseMerge(
    GridCaseDbContext db, CaseScope scope, CaseWorkflow workflow, CaseLoopStop loop, MergedReportNotice notice, UnitOfWork unit, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public async Task MergeAsync(Guid caseId, MergeCaseBody body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.MasterCaseId is not { } masterId || masterId == Guid.Empty)
            errors["masterCaseId"] = ["须指定主案件 / masterCaseId is required"];
        else if (masterId == caseId)
            errors["masterCaseId"] = ["不能与自身合并 / a case cannot be merged into itself"];
        if (body.Reason is { Length: > MaxReasonLength })
            errors["reason"] = [$"理由最长 {MaxReasonLength} 字 / the reason is at most {MaxReasonLength} characters"];
        if (errors.Count > 0) throw new DomainException("并案请求有误 / the merge request is invalid", errors);
        var master = body.MasterCaseId!.Value;

        await scope.FindVisibleAsync(caseId, user, cancellationToken);
        if (!await db.Cases.AnyAsync(c => c.Id == master, cancellationToken))
            throw DomainException.Field("masterCaseId", $"主案件 {master} 不存在 / no case {master}");
        await scope.FindVisibleAsync(master, user, cancellationToken);

        await unit.RunAsync(async ct =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId, ct);
            var into = await db.Cases.SingleAsync(c => c.Id == master, ct);
            // Merging is part of accepting: whoever may work the Accept task may merge the report.
            var accept = await db.WorkItems.AsNoTracking()
                .Where(w => w.CaseId == caseId && w.Status == WorkItemStatus.Open && w.Stage == CaseStage.Accept).FirstOrDefaultAsync(ct);
            if (accept is not null && !workflow.CanWork(user, accept))
                throw new ForbiddenException("无权受理此案件 / your role or org unit does not cover this case's acceptance");
            var now = clock.GetUtcNow();
            @case.MergeInto(into, now);
            await loop.StopAsync(caseId, now, ct);
            var reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
            db.Journal.Add(JournalEntry.Write(caseId, now, CaseStage.Merged, null, "MergedInto", into.Number, user.UserName(), reason));
            db.Journal.Add(JournalEntry.Write(into.Id, now, into.Stage, null, "ReportMerged", @case.Number, user.UserName(), reason));
            // A master that has already ended gives its result at once.
            if (into.Stage is CaseStage.Done)
                await FollowAsync(@case, into, user.UserName(), now, ct);
        }, cancellationToken);
    }

    /// <summary>The merged report takes the master's end and its reporter hears it.</summary>
    public async Task FollowAsync(Case reported, Case master, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        reported.FollowMaster(master.Status, master.Resolution, now);
        db.Journal.Add(JournalEntry.Write(reported.Id, now, reported.Stage, null, "ClosedWithMaster",
            master.Resolution?.ToString() ?? master.Status.ToString(), actor, master.Number));
        await notice.TellAsync(reported, master.Number, master.Status, master.Resolution, now, cancellationToken);
    }
}
