using GridCase.Domain.Cases;

namespace GridCase.Workflows.Activities;

/// <summary>Ends the whole instance with a result for the case.</summary>
public sealed class End : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "End", "结束", "End", "流程 / Flow",
        "结束流程 / Finishes the workflow: Done (办结), Unresolved (未解决) or Rejected (不予受理).",
        [new("result", "enum", "结果 / result", Required: true, Options: ["Done", "Unresolved", "Rejected"], DefaultValue: "Done")],
        []);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var result = context.String("result") ?? "Done";
        switch (result)
        {
            case "Rejected":
                if (context.Case.Status != CaseStatus.Rejected) context.Case.Reject(context.Now);
                break;
            case "Unresolved":
                context.Case.Finish(CaseResolution.Unresolved);
                break;
            default:
                context.Case.Finish(CaseResolution.Resolved);
                break;
        }
        context.Journal(context.Case.Stage, "Finished", result, actor: "system");
        return ValueTask.FromResult(ActivityResult.Finish);
    }
}
