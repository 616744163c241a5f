using GridCase.Domain.WorkItems;
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
                jobs.Schedule<SlaTimerJob>(j => j.FireAsync(id, SlaState.Warning, CancellationToken.None), NotBefore(warnAt));
            if (item is { DueAt: { } dueAt } && item.Sla != SlaState.Overdue)
                jobs.Schedule<SlaTimerJob>(j => j.FireAsync(id, SlaState.Overdue, CancellationToken.None), NotBefore(dueAt));
        }
    }

    /// <summary>
    /// Hangfire keeps schedule times in whole seconds, rounded down: a job for 10:00:04.7 would run at
    /// 10:00:04, find it is not yet time, and leave the rest to the sweep. Rounding up makes it run once, on time.
    /// </summary>
    private static DateTimeOffset NotBefore(DateTimeOffset instant)
    {
        var remainder = instant.UtcTicks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? instant : instant.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }
}
