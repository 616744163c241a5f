using GridCase.Domain.WorkItems;
using GridCase.Host.Hosting;
using Hangfire;

namespace GridCase.Host.Timers;

/// <summary>
/// After a commit, the jobs for work items' pending warnAt and dueAt; the instants themselves live on the work item. Durable
/// storage gets one job per instant; in-memory storage a sweep at the instant's second when it lies within the timer horizon.
/// </summary>
public sealed class TimerScheduler(IBackgroundJobClient jobs, TimerHorizon horizon)
{
    public void Schedule(IEnumerable<WorkItem> items)
    {
        foreach (var item in items.Where(i => i.Status == WorkItemStatus.Open && !i.IsSuspended))
        {
            if (item is { WarnAt: { } warnAt, Sla: SlaState.Normal }) At(item.Id, SlaState.Warning, warnAt);
            if (item is { DueAt: { } dueAt } && item.Sla != SlaState.Overdue) At(item.Id, SlaState.Overdue, dueAt);
        }
    }

    private void At(Guid workItemId, SlaState level, DateTimeOffset instant)
    {
        if (horizon.HoldsEveryTimer)
            jobs.Schedule<SlaTimerJob>(j => j.FireAsync(workItemId, level, CancellationToken.None), JobInstants.NotBefore(instant));
        else
            horizon.SweepAt<SlaSweep>(instant);
    }
}
