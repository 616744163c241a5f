using GridCase.Domain.WorkItems;
using GridCase.Host.Hosting;
using Hangfire;

namespace GridCase.Host.Timers;

/// <summary>One Hangfire job per pending warnAt and dueAt; the instants themselves live on the work item.</summary>
public sealed class TimerScheduler(IBackgroundJobClient jobs)
{
    public void Schedule(IEnumerable<WorkItem> items)
    {
        foreach (var item in items.Where(i => i.Status == WorkItemStatus.Open && !i.IsSuspended))
        {
            var id = item.Id;
            if (item is { WarnAt: { } warnAt, Sla: SlaState.Normal })
                jobs.Schedule<SlaTimerJob>(j => j.FireAsync(id, SlaState.Warning, CancellationToken.None), JobInstants.NotBefore(warnAt));
            if (item is { DueAt: { } dueAt } && item.Sla != SlaState.Overdue)
                jobs.Schedule<SlaTimerJob>(j => j.FireAsync(id, SlaState.Overdue, CancellationToken.None), JobInstants.NotBefore(dueAt));
        }
    }
}
