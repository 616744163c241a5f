using GridCase.Domain.Calendars;
using GridCase.Workflows.Inputs;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Activities;

/// <summary>
/// Waits for a (natural) duration or until an instant. Durable: the instant is stored by <see cref="IWorkflowTimers"/>
/// with the run, and the instance moves on once, when it is reached, whatever restarts in between.
/// </summary>
public sealed class Timer : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "Timer", new("定时等待", "Timer"), ActivityCategories.Flow,
        new("等待一段时长（自然时间），或等到某一时刻（表达式）", "Waits for a duration (natural time), or until an instant (an expression)."),
        ["Done"], Blocking: true);

    public Input<IsoDuration?> Duration { get; } = Input.Duration("duration", "等待时长（ISO-8601，如 PT15M）", "how long to wait") with { SupportsExpression = true };

    public Input<DateTimeOffset?> Until { get; } = Input.Instant("until", "等到时刻（ISO-8601）", "wait until this instant") with { SupportsExpression = true };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var due = context.Get(Until)
            ?? (context.Get(Duration) is { } duration ? context.Now + duration.ToNaturalTimeSpan()
                : throw context.InputError($"{Duration.Name} or {Until.Name} is required"));
        var bookmark = context.CreateBookmark(Guid.NewGuid(), Info.Type);
        await context.GetRequiredService<IWorkflowTimers>().ScheduleAsync(
            new(bookmark.Id, context.Run.Instance.Id, context.CorrelationId, context.Node.Id, due, "Done"), cancellationToken);
        context.JournalData[JournalKeys.Event] = "TimerStarted";
        context.JournalData[JournalKeys.Comment] = $"{due:O}";
        return ActivityResult.Block;
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Stimulus stimulus, CancellationToken cancellationToken)
    {
        context.JournalData[JournalKeys.Event] = "TimerFired";
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
