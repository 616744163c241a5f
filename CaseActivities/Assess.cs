using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;

namespace GridCase.CaseActivities;

/// <summary>考核: records whether the case was handled on time and how often it bounced.</summary>
public sealed class Assess : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "Assess", new("考核", "Assess"), ActivityCategories.Loop,
        new("记录是否按期、返工与退单次数", "Records on-time, rework and return counts."), ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        @case.EnterStage(CaseStage.Assess);
        @case.Assess(context.Now);
        var a = @case.Assessment!;
        context.Journal(CaseStage.Assess, "Assessed", a.OnTime ? "OnTime" : "Late",
            $"rework={a.ReworkCount}, returns={a.ReturnCount}, round={a.DispatchRound}, reopened={a.ReopenCount}");
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
