using GridCase.Domain.Calendars;
using GridCase.Workflows.Inputs;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Activities;

/// <summary>
/// Waits for a duration (natural time, or working time on an org unit's working calendar) or until an instant. Durable: the instant is stored by <see cref="IWorkflowTimers"/>
/// with the run, and the instance moves on once, when it is reached, whatever restarts in between.
/// </summary>
public sealed class Timer : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "Timer", new("定时等待", "Timer"), ActivityCategories.Flow,
        new("等待一段时长（自然时间，或按组织的工作日历计算的工作时间），或等到某一时刻（表达式）",
            "Waits for a duration (natural time, or working time on an org unit's working calendar), or until an instant (an expression)."),
        ["Done"], Blocking: true);

    public Input<IsoDuration?> Duration { get; } = Input.Duration("duration", "等待时长（ISO-8601，如 PT15M）", "how long to wait") with { SupportsExpression = true };

    public Input<DateTimeOffset?> Until { get; } = Input.Instant("until", "等到时刻（ISO-8601）", "wait until this instant") with { SupportsExpression = true };

    public Input<CalendarKind?> Calendar { get; } = Input.Choice<CalendarKind>("calendar", "时长日历", "calendar of the duration") with
    {
        Default = CalendarKind.Natural,
    };

    public Input<string?> OrgUnit { get; } = Input.Text("orgUnit", "按哪个组织的工作日历（空则标准日历）", "whose working calendar (empty: the standard one)") with
    {
        SupportsExpression = true,
        Help = new("如 $case.responsibleOrgUnitCode", "e.g. $case.responsibleOrgUnitCode"),
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var due = context.Get(Until)
            ?? (context.Get(Duration) is { } duration ? DueAfter(context, duration)
                : throw context.InputError($"{Duration.Name} or {Until.Name} is required"));
        var bookmark = context.CreateBookmark(Guid.NewGuid(), Info.Type);
        await context.GetRequiredService<IWorkflowTimers>().ScheduleAsync(
            new(bookmark.Id, context.Run.Instance.Id, context.CorrelationId, context.Node.Id, due, "Done"), cancellationToken);
        context.JournalData[JournalKeys.Event] = "TimerStarted";
        context.JournalData[JournalKeys.Comment] = $"{due:O}";
        return ActivityResult.Block;
    }

    /// <summary>The instant is fixed now and stored: a calendar edited later does not move a timer already running, as with task deadlines.</summary>
    private DateTimeOffset DueAfter(ActivityExecutionContext context, IsoDuration duration)
    {
        var kind = context.Get(Calendar) ?? CalendarKind.Natural;
        if (kind == CalendarKind.Natural) return context.Now + duration.ToNaturalTimeSpan();
        var calendar = context.GetRequiredService<IWorkingCalendars>().For(context.Get(OrgUnit));
        return DeadlineCalculator.Due(calendar, context.Now, new TimeLimit(duration.ToString(), kind));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Stimulus stimulus, CancellationToken cancellationToken)
    {
        context.JournalData[JournalKeys.Event] = "TimerFired";
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
