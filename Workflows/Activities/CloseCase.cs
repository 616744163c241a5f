using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;

namespace GridCase.Workflows.Activities;

/// <summary>结案: closes the case once its closure standard holds.</summary>
public sealed class CloseCase : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "CloseCase", "结案", "Close case", "闭环 / Loop",
        "按结案标准检查后结案 / Closes the case after checking its closure standard.",
        [], ["Done"]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var required = context.Case.Catalog?.ClosureRequirements ?? [];
        if (required.Contains(ClosureRequirement.VerificationPass) && !context.Case.VerificationPassed)
            throw new DomainException(
                "结案标准要求核查通过 / the closure standard needs a passed verification",
                new Dictionary<string, string[]> { ["closureRequirements"] = ["VerificationPass"] });
        context.Case.Close(context.Now);
        context.Journal(CaseStage.Close, "Closed", actor: "system");
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
