using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Workflows.Activities;

namespace GridCase.CaseActivities;

/// <summary>结案: closes the case once its closure standard holds.</summary>
public sealed class CloseCase : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "CloseCase", new("结案", "Close case"), ActivityCategories.Loop,
        new("按结案标准检查后结案", "Closes the case after checking its closure standard."), ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var required = @case.Catalog?.ClosureRequirements ?? [];
        if (required.Contains(ClosureRequirement.VerificationPass) && !@case.VerificationPassed)
            throw new DomainException(
                "结案标准要求核查通过 / the closure standard needs a passed verification",
                new Dictionary<string, string[]> { ["closureRequirements"] = ["VerificationPass"] });
        @case.Close(context.Now);
        context.Journal(CaseStage.Close, "Closed");
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
