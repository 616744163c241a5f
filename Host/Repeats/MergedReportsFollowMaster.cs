using GridCase.CaseActivities;
using GridCase.Domain.Cases;
using GridCase.Host.Persistence;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Events;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Repeats;

/// <summary>
/// When a master's flow ends, its merged reports end with it — same status and result — and the reporters of the
/// master and of every merged report hear the result, in the same transaction as the step that ended it.
/// </summary>
public sealed class MergedReportsFollowMaster(GridCaseDbContext db, MergedReportNotice notice) : IWorkflowEventHandler
{
    public async ValueTask HandleAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        if (workflowEvent is not WorkflowFinished finished || finished.Run.Features.Find<CaseRun>()?.Case is not { } master) return;
        // Cheap for the many cases without merged reports: the counter rides on the case already loaded.
        if (master.MergedReports == 0) return;
        var now = finished.Run.Now;
        // Taken from the result rather than from the master, which another handler may not have finished yet.
        var (status, resolution) = finished.Result switch
        {
            WorkflowResult.Rejected => (CaseStatus.Rejected, (CaseResolution?)null),
            WorkflowResult.Unresolved => (CaseStatus.Closed, CaseResolution.Unresolved),
            _ => (CaseStatus.Closed, CaseResolution.Resolved),
        };
        var reports = await db.Cases.Where(c => c.MergedIntoId == master.Id && c.Status == CaseStatus.Open).ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            report.FollowMaster(status, resolution, now);
            db.Journal.Add(JournalEntry.Write(report.Id, now, report.Stage, null, "ClosedWithMaster",
                resolution?.ToString() ?? status.ToString(), Actors.System, master.Number));
            await notice.TellAsync(report, master.Number, status, resolution, now, cancellationToken);
        }
        await notice.TellAsync(master, master.Number, status, resolution, now, cancellationToken);
    }
}
