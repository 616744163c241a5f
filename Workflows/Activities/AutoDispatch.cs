using GridCase.Domain;
using GridCase.Domain.Cases;

namespace GridCase.Workflows.Activities;

/// <summary>Dispatches without a dispatcher, to the catalog item's owner department (e.g. sensor alerts).</summary>
public sealed class AutoDispatch : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "AutoDispatch", "自动派遣", "Auto dispatch", "闭环 / Loop",
        "派给事项的权属单位 / Dispatches to the catalog item's owner department.",
        [], ["Done"]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var owner = context.Case.Catalog?.OwnerDepartmentCode
            ?? throw DomainException.Field("itemCode", "自动派遣需要事项小类 / auto dispatch needs a catalog item");
        context.Case.Dispatch(owner);
        context.Journal(CaseStage.Dispatch, "Dispatched", comment: owner, actor: "system");
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
