using GridCase.Domain;
using GridCase.Domain.Calendars;
using GridCase.Workflows.Inputs;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Activities;

/// <summary>
/// Blocks until a named signal arrives (sent by a person of the listed roles), or leaves by TimedOut after the
/// optional timeout. The signal's data, if any, becomes the instance variable named after the signal.
/// </summary>
public sealed class WaitForSignal : Activity
{
    public const string Received = nameof(Received);
    public const string TimedOut = nameof(TimedOut);

    protected override ActivityInfo Info { get; } = new(
        "WaitForSignal", new("等待信号", "Wait for signal"), ActivityCategories.Flow,
        new("等待具名信号（如 ReporterReplied）到达；可设超时", "Waits until a named signal arrives (e.g. ReporterReplied); optional timeout."),
        [Received, TimedOut], Blocking: true);

    public Input<string?> Signal { get; } = Input.Text("signal", "信号名", "signal name") with { Required = true };

    public Input<IReadOnlyList<string>> Roles { get; } = Input.TextList("roles", "可发送信号的角色（空则仅管理员）", "roles that may send it (empty: admins only)");

    public Input<IsoDuration?> Timeout { get; } = Input.Duration("timeout", "超时（ISO-8601）", "timeout");

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.Get(Signal);
        if (string.IsNullOrWhiteSpace(name)) throw context.InputError($"{Signal.Name} is required");
        var bookmark = context.CreateBookmark(Guid.NewGuid(), Info.Type);
        if (context.Get(Timeout) is { } timeout)
            await context.GetRequiredService<IWorkflowTimers>().ScheduleAsync(
                new(bookmark.Id, context.Run.Instance.Id, context.CorrelationId, context.Node.Id, context.Now + timeout.ToNaturalTimeSpan(), TimedOut),
                cancellationToken);
        context.JournalData[JournalKeys.Event] = "SignalAwaited";
        context.JournalData[JournalKeys.Comment] = name;
        return ActivityResult.Block;
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Stimulus stimulus, CancellationToken cancellationToken)
    {
        if (stimulus.Outcome is not (Received or TimedOut))
            throw DomainException.Field("outcome", $"{Received} | {TimedOut}");
        if (stimulus.Outcome == Received && stimulus.Data is { } data && context.Get(Signal) is { } name)
            context.Variables[name] = data.DeepClone();
        context.JournalData[JournalKeys.Event] = stimulus.Outcome == Received ? "SignalReceived" : "SignalTimedOut";
        context.JournalData[JournalKeys.Comment] = context.Get(Signal);
        return ValueTask.FromResult(ActivityResult.Done(stimulus.Outcome));
    }
}
