using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalog;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Activities;

/// <summary>
/// What an outcome of a human task means for the case, per stage of the loop. Flows decide where an
/// outcome leads; these rules decide what it records, so every flow counts returns and rework alike.
/// </summary>
public static class StageOutcomes
{
    public static async ValueTask ApplyAsync(ActivityContext context, CaseStage stage, Stimulus stimulus, CancellationToken ct)
    {
        var @case = context.Case;
        switch (stage, stimulus.Outcome)
        {
            case (CaseStage.Accept, "Accept"):
                @case.Accept(await ClassifyAsync(context, stimulus.Data, ct));
                break;
            case (CaseStage.Accept, "Reject"):
                @case.Reject(context.Now);
                break;
            case (CaseStage.Dispatch, "Dispatch"):
                @case.Dispatch(DepartmentFor(context, stimulus.Data));
                break;
            case (CaseStage.Handle, "Return"):
                @case.RecordReturn();
                break;
            case (CaseStage.Handle, "Complete"):
                await CheckHandlingEvidenceAsync(context, stimulus, ct);
                break;
            case (CaseStage.Verify, "Pass"):
                @case.RecordVerificationPass();
                break;
            case (CaseStage.Verify, "Fail"):
                @case.RecordRework();
                break;
            case (CaseStage.Evaluate, var outcome) when Enum.TryParse<Evaluation>(outcome, out var evaluation):
                @case.Evaluate(evaluation);
                break;
        }
    }

    private static async ValueTask<CatalogSnapshot?> ClassifyAsync(ActivityContext context, JsonObject? data, CancellationToken ct)
    {
        var code = data?["itemCode"]?.ToString();
        if (string.IsNullOrWhiteSpace(code)) return null;
        return await context.Services.FindCatalogItemAsync(code, ct)
            ?? throw DomainException.Field("data.itemCode", $"事项 {code} 不存在 / no catalog item {code}");
    }

    private static string DepartmentFor(ActivityContext context, JsonObject? data)
    {
        var code = data?["departmentCode"]?.ToString();
        if (string.IsNullOrWhiteSpace(code))
            return context.Case.Catalog?.OwnerDepartmentCode
                ?? throw DomainException.Field("data.departmentCode", "案件未分类，须指定派遣部门 / the case has no catalog item; name data.departmentCode");
        if (!context.Services.IsDepartment(code))
            throw DomainException.Field("data.departmentCode", $"{code} 不是部门 / {code} is not a department");
        return code;
    }

    /// <summary>The closure standard's evidence is checked when the handler says "done", while it can still be added.</summary>
    private static async ValueTask CheckHandlingEvidenceAsync(ActivityContext context, Stimulus stimulus, CancellationToken ct)
    {
        var required = context.Case.Catalog?.ClosureRequirements ?? [];
        var missing = new List<string>();
        if (required.Contains(ClosureRequirement.HandlerComment) && string.IsNullOrWhiteSpace(stimulus.Comment))
            missing.Add("HandlerComment");
        foreach (var (requirement, kind) in new[] { (ClosureRequirement.AfterPhoto, "After"), (ClosureRequirement.BeforePhoto, "Before") })
            if (required.Contains(requirement) && !await context.Services.HasAttachmentAsync(context.Case.Id, kind, ct))
                missing.Add(requirement.ToString());
        if (missing.Count > 0)
            throw new DomainException(
                $"未满足结案标准 / the closure standard needs: {string.Join(", ", missing)}",
                new Dictionary<string, string[]> { ["closureRequirements"] = [.. missing] });
    }
}
