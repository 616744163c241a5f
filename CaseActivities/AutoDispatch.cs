using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;

namespace GridCase.CaseActivities;

/// <summary>Dispatches without a dispatcher, to the catalog item's owner department (e.g. sensor alerts).</summary>
public sealed class AutoDispatch : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "AutoDispatch", new("自动派遣", "Auto dispatch"), ActivityCategories.Loop,
        new("派给事项的权属单位", "Dispatches to the catalog item's owner department."), ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var owner = @case.Catalog?.OwnerDepartmentCode
            ?? throw DomainException.Field("itemCode", "自动派遣需要事项小类 / auto dispatch needs a catalog item");
        @case.Dispatch(owner);
        context.Journal(CaseStage.Dispatch, "Dispatched", comment: owner);
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
