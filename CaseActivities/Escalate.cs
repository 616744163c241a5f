using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Inputs;

namespace GridCase.CaseActivities;

/// <summary>
/// 上报: moves the case's responsible level one step up the org tree (grid → community → subdistrict → district) or to
/// a named level, with a reason. Later tasks with the scope <c>Responsible</c> go to the org unit of the new level.
/// </summary>
public sealed class Escalate : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "Escalate", new("上报", "Escalate"), ActivityCategories.Loop,
        new("把案件的责任层级上移一级（网格→社区→街镇→区），或移到指定层级；此后“责任层级”范围的任务派给该层级。原因默认取上一步办理意见",
            "Moves the case's responsible level one step up (grid → community → subdistrict → district), or to the named level; later tasks scoped Responsible go to that level. The reason defaults to the comment of the step that led here."),
        ["Done"]);

    public Input<ResponsibleLevel?> Level { get; } = Input.Choice<ResponsibleLevel>("level", "目标层级（空则上移一级）", "target level (empty: one step up)");

    public Input<string?> Reason { get; } = Input.Text("reason", "上报原因（空则取办理意见）", "reason (empty: the completion's comment)") with { SupportsExpression = true };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var to = context.Get(Level);
        var reason = context.Get(Reason) is { Length: > 0 } given ? given : context.Run.Stimulus?.Comment;
        if (string.IsNullOrWhiteSpace(reason)) throw context.InputError($"{Reason.Name}: 上报须有原因 / an escalation needs a reason");
        var from = @case.Escalate(to);
        // Placing a case on its first level is not an escalation; the record says which it was.
        context.Journal(@case.Stage, from is null ? "ResponsibleLevelSet" : "Escalated", @case.ResponsibleLevel.ToString(),
            $"{from?.ToString() ?? "—"} → {@case.ResponsibleLevel} ({@case.ResponsibleOrgUnitCode}): {reason.Trim()}");
        context.JournalData[JournalKeys.Actor] = context.Run.Stimulus?.Actor ?? context.Run.Actor;
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
