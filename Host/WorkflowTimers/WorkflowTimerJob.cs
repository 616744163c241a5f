using GridCase.Domain;
using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkflowTimers;

/// <summary>
/// Releases a timer's bookmark once it is due. A job early, late, twice or on two nodes does it at most once:
/// the timer is marked fired in the same transaction that moves the instance, whose token refuses a second mover.
/// </summary>
public sealed class WorkflowTimerJob(GridCaseDbContext db, CaseWorkflow workflow, TimeProvider clock, ILogger<WorkflowTimerJob> log)
{
    public async Task FireAsync(Guid timerId, CancellationToken cancellationToken)
    {
        var timer = await db.Set<WorkflowTimer>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, cancellationToken);
        if (timer is null || timer.FiredAt is not null || timer.DueAt > clock.GetUtcNow()) return;
        try
        {
            await workflow.ResumeBookmarkAsync(timer.InstanceId, timer.Id, timer.Outcome, Workflows.Runtime.Actors.System, null,
                async ct => (await db.Set<WorkflowTimer>().SingleAsync(t => t.Id == timerId, ct)).FiredAt = clock.GetUtcNow(), cancellationToken);
            log.LogInformation("workflow timer {Timer} fired: {Outcome}", timerId, timer.Outcome);
        }
        catch (ConflictException)
        {
            // The bookmark was released first (the signal came, the flow ended): the timer has nothing left to do.
            db.ChangeTracker.Clear();
            var stale = await db.Set<WorkflowTimer>().SingleAsync(t => t.Id == timerId, cancellationToken);
            stale.FiredAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
