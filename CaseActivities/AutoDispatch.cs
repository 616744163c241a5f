using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Inputs;

namespace GridCase.CaseActivities;

/// <summary>
/// Dispatches without a dispatcher: to the catalog item's owner department (the default), to the duty team of the
/// case's grid (e.g. sensor alerts), or to a department a literal or an expression names. A target that does not
/// exist faults the step into an incident, which a retry runs again once the org tree or the flow is fixed.
/// </summary>
public sealed class AutoDispatch : Activity
{
    protected override ActivityInfo Info { get; } = new(
        "AutoDispatch", new("自动派遣", "Auto dispatch"), ActivityCategories.Loop,
        new("派给事项的权属单位（默认）、案件所在网格的应急值守队，或按表达式指定的部门",
            "Dispatches to the catalog item's owner department (default), the duty team of the case's grid, or a department given by an expression."),
        ["Done"]);

    public Input<DispatchTarget?> To { get; } = Input.Choice<DispatchTarget>("to", "派遣对象", "dispatch to") with
    {
        Default = DispatchTarget.CatalogOwner,
        Help = new("CatalogOwner 权属单位；DutyTeam 网格的应急值守队（7×24）；Department 按“部门编码”",
            "CatalogOwner: the item's owner; DutyTeam: the grid's 7×24 duty team; Department: the departmentCode input"),
    };

    public Input<string?> DepartmentCode { get; } = Input.Text("departmentCode", "部门编码（派遣对象为 Department 时）", "department code (with to = Department)") with
    {
        SupportsExpression = true,
        Help = new("如 `$case.urgency == 'Critical' ? 'YJGLJ' : 'CGJ'`", "e.g. `$case.urgency == 'Critical' ? 'YJGLJ' : 'CGJ'`"),
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var targets = context.GetRequiredService<IDispatchTargets>();
        var to = context.Get(To) ?? DispatchTarget.CatalogOwner;
        var code = to switch
        {
            DispatchTarget.DutyTeam => targets.DutyTeamOf(@case)
                ?? throw context.InputError($"网格 {@case.Area.GridCode} 没有应急值守队 / grid {@case.Area.GridCode} has no duty team"),
            DispatchTarget.Department => context.Get(DepartmentCode) is { Length: > 0 } named
                ? targets.CanHandle(named) ? named : throw context.InputError($"{named} 不是部门或值守队 / {named} is no department or duty team")
                : throw context.InputError($"{DepartmentCode.Name} is missing"),
            _ => @case.Catalog?.OwnerDepartmentCode
                ?? throw DomainException.Field("itemCode", "自动派遣需要事项小类 / auto dispatch needs a catalog item"),
        };
        @case.Dispatch(code);
        context.Journal(CaseStage.Dispatch, "Dispatched", to.ToString(), code);
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
