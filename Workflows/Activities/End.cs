using GridCase.Workflows.Inputs;

namespace GridCase.Workflows.Activities;

/// <summary>Ends the whole instance with a result; what the result means for the subject is the Host's to record.</summary>
public sealed class End : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "End", new("结束", "End"), ActivityCategories.Flow,
        new("结束流程：办结、未解决或不予受理", "Finishes the workflow: Done (办结), Unresolved (未解决) or Rejected (不予受理)."), []);

    public Input<WorkflowResult?> Result { get; } = Input.Choice<WorkflowResult>("result", "结果", "result") with
    {
        Required = true, Default = WorkflowResult.Done,
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Finish(context.Get(Result) ?? WorkflowResult.Done));
}
