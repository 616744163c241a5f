using GridCase.Domain.Cases;

namespace GridCase.Workflows.Activities;

/// <summary>考核: records whether the case was handled on time and how often it bounced.</summary>
public sealed class Assess : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Assess", "考核", "Assess", "闭环 / Loop",
        "记录是否按期、返工与退单次数 / Records on-time, rework and return counts.",
        [], ["Done"]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.Case.EnterStage(CaseStage.Assess);
        context.Case.Assess(context.Now);
        var a = context.Case.Assessment!;
        context.Journal(CaseStage.Assess, "Assessed", a.OnTime ? "OnTime" : "Late",
            $"rework={a.ReworkCount}, returns={a.ReturnCount}, round={a.DispatchRound}", "system");
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
