using GridCase.Workflows.Inputs;

namespace GridCase.Workflows.Activities;

public sealed class Decision : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "Decision", new("条件判断", "Decision"), ActivityCategories.Flow,
        new("按条件（JavaScript）走 True 或 False 分支；可读 vars 及流程提供的变量（如 $case）",
            "Takes True or False by a JavaScript condition over vars and what the flow offers (e.g. $case)."),
        ["True", "False"]);

    public Input<bool> Condition { get; } = Input.Condition("condition", "条件", "condition") with
    {
        Required = true, SupportsExpression = true,
        Help = new("如 $case.dispatchRound < vars.maxDispatchRounds", "e.g. $case.dispatchRound < vars.maxDispatchRounds"),
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var port = context.Get(Condition) ? "True" : "False";
        context.JournalData[JournalKeys.Event] = Info.Type;
        context.JournalData[JournalKeys.Outcome] = port;
        return ValueTask.FromResult(ActivityResult.Done(port));
    }
}
