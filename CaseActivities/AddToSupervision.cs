using GridCase.Domain.Calendars;
using GridCase.Domain.Supervision;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Inputs;

namespace GridCase.CaseActivities;

/// <summary>
/// 加入督办: opens the case's supervision entry of a kind, or updates the open one, with a reason and a severity, in
/// the same transaction as the step. The Host's supervision list does the rest (one open entry per case and kind).
/// </summary>
public sealed class AddToSupervision : Activity
{
    protected override ActivityInfo Info => field ??= new(
        "AddToSupervision", new("加入督办", "Add to supervision"), ActivityCategories.Loop,
        new("把案件列入督办清单：同一案件同一类型只有一条在办督办，再次触发时更新它（事由、严重程度、触发次数）",
            "Puts the case on the supervision list: one open entry per case and kind; a repeated trigger updates it (reason, severity, count)."),
        ["Done"]);

    public Input<SupervisionKind?> Kind { get; } = Input.Choice<SupervisionKind>("kind", "督办类型", "kind of supervision") with
    {
        Default = SupervisionKind.Manual,
        Help = new("如 Rework（多次返工）、Unresolved（未解决）、Manual（人工，如领导批示）",
            "e.g. Rework, Unresolved, Manual (e.g. a leader's instruction)"),
    };

    public Input<string?> Reason { get; } = Input.Text("reason", "督办事由（可用表达式）", "reason (may be an expression)") with
    {
        Required = true,
        SupportsExpression = true,
        Help = new("如 `'返工 ' + $case.reworkCount + ' 次'`", "e.g. `'reworked ' + $case.reworkCount + ' times'`"),
    };

    public Input<SupervisionSeverity?> Severity { get; } = Input.Choice<SupervisionSeverity>("severity", "严重程度", "severity") with
    {
        Default = SupervisionSeverity.High,
        Help = new("Normal 一般、High 较重、Critical 严重；清单按严重程度排序", "Normal, High, Critical; the list shows the most severe first"),
    };

    public Input<IsoDuration?> DueIn { get; } = Input.Duration("dueIn", "督办期限（ISO-8601，自然时间）", "supervision term (ISO-8601, natural time)") with
    {
        Help = new("不填则按严重程度：严重 1 天、较重 3 天、一般 5 天", "empty: by severity, Critical 1 day, High 3 days, Normal 5 days"),
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var reason = context.Get(Reason) is { Length: > 0 } r ? r : throw context.InputError($"{Reason.Name} is missing");
        var kind = context.Get(Kind) ?? SupervisionKind.Manual;
        var severity = context.Get(Severity) ?? SupervisionSeverity.High;
        DateTimeOffset? dueAt = context.Get(DueIn) is { } term ? context.Now + term.ToNaturalTimeSpan() : null;
        await context.GetRequiredService<ISupervisionList>().RaiseAsync(
            new SupervisionRaise(@case.Id, kind, reason, severity, context.Run.Actor, context.Now, DueAt: dueAt), cancellationToken);
        return ActivityResult.Done("Done");
    }
}
