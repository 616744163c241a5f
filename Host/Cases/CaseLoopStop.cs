using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using GridCase.Host.WorkflowTimers;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Cases;

/// <summary>
/// Takes a case out of its loop inside the caller's unit of work: the instance stops, the flow's pending timers are
/// marked done and the open work items cancelled — so their SLA timers find nothing open and never fire.
/// </summary>
public sealed class CaseLoopStop(GridCaseDbContext db, WorkItemDispatcher workItems)
{
    public async Task StopAsync(Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.SingleAsync(i => i.CorrelationId == caseId, cancellationToken);
        instance.Cancel(now);
        // The flow's own timers (Timer, a signal's timeout) would find no bookmark; they are done, not pending.
        foreach (var timer in await db.Set<WorkflowTimer>().Where(t => t.InstanceId == instance.Id && t.FiredAt == null).ToListAsync(cancellationToken))
            timer.FiredAt = now;
        await workItems.CancelOpenAsync(caseId, now, cancellationToken);
    }
}
