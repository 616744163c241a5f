using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridCase.Workflows.Activities;

public sealed class Decision : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Decision", "条件判断", "Decision", "流程 / Flow",
        "按条件（JavaScript）走 True 或 False 分支；可读 $case 与 vars / Takes True or False by a JavaScript condition over $case and vars.",
        [new("condition", "boolean", "条件 / condition, e.g. $case.dispatchRound < vars.maxDispatchRounds", Required: true, SupportsExpression: true)],
        ["True", "False"]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var value = context.Input("condition");
        var truth = value is JsonValue v && v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => v.GetValue<double>() != 0,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            _ => false,
        };
        var port = truth ? "True" : "False";
        context.Journal(context.Case.Stage, "Decision", port, actor: "system");
        return ValueTask.FromResult(ActivityResult.Done(port));
    }
}
