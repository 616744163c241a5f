using GridCase.Host.Hosting;
using GridCase.Host.Persistence;
using GridCase.Workflows.Runtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkflowTimers;

/// <summary>Stores a run's timers in its DbContext (saved with the instance); jobs are scheduled once that commits.</summary>
public sealed class StoredWorkflowTimers(GridCaseDbContext db, IBackgroundJobClient jobs, TimerHorizon horizon) : IWorkflowTimers
{
    public ValueTask ScheduleAsync(WorkflowTimerRequest request, CancellationToken cancellationToken)
    {
        db.Add(new WorkflowTimer
        {
            Id = request.BookmarkId, InstanceId = request.InstanceId, CaseId = request.CorrelationId,
            ActivityId = request.ActivityId, DueAt = request.DueAt, Outcome = request.Outcome,
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>The timers this unit of work added; pass them to <see cref="Schedule"/> after it commits.</summary>
    public IReadOnlyList<WorkflowTimer> Added() =>
        [.. db.ChangeTracker.Entries<WorkflowTimer>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>Durable storage: a job per timer; in-memory storage: a sweep at its second when it lies within the timer horizon.</summary>
    public void Schedule(IEnumerable<WorkflowTimer> timers)
    {
        foreach (var timer in timers.Where(t => t.FiredAt is null))
        {
            var id = timer.Id;
            if (horizon.HoldsEveryTimer)
                jobs.Schedule<WorkflowTimerJob>(j => j.FireAsync(id, CancellationToken.None), JobInstants.NotBefore(timer.DueAt));
            else horizon.SweepAt<WorkflowTimerSweep>(timer.DueAt);
        }
    }
}
