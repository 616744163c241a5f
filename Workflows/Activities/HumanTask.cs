using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Activities;

/// <summary>A task for a person of a role within an org scope; the person's outcome picks the next step.</summary>
public sealed class HumanTask : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "HumanTask", "人工任务", "Human task", "人工 / Human",
        "派给某角色在某组织范围内的人员处理，按其选择的结果继续 / Sends a task to a role within an org scope; the chosen outcome decides the next step.",
        [
            new("stage", "enum", "闭环环节 / loop stage", Required: true, Options: ["Accept", "Dispatch", "Handle", "Verify", "Evaluate"]),
            new("role", "enum", "处理角色 / role", Required: true, Options: ["Acceptor", "Dispatcher", "Handler", "GridWorker", "CallbackAgent", "Supervisor"]),
            new("scope", "enum", "组织范围 / org scope", Required: true, Options: AssigneeScope.All),
            new("outcomes", "stringList", "可选结果 / outcomes", Required: true),
            new("commentRequiredFor", "stringList", "须填意见的结果 / outcomes that need a comment"),
            new("requiredFields", "object", "各结果必填字段 / required data fields per outcome, e.g. {\"Dispatch\": [\"departmentCode\"]}"),
            new("timeLimit", "duration", "时限（ISO-8601，如 PT1H）/ time limit", SupportsExpression: true),
            new("calendar", "enum", "时限日历 / calendar of the limit", Options: ["Working", "Natural"], DefaultValue: "Working"),
            new("useCatalogTimeLimit", "boolean", "采用事项处置时限 / take the catalog item's limit", DefaultValue: false),
            new("warnRatio", "number", "预警比例 / warning at this share of the limit", DefaultValue: 0.8),
            new("overdueOutcome", "string", "超期自动结果（如回访超期默认满意）/ outcome applied automatically when overdue"),
            new("overdueComment", "string", "超期自动结果的说明 / comment written with the automatic outcome"),
        ],
        [], Blocking: true, OutcomesFromInput: "outcomes");

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var stage = Stage(context);
        var role = context.String("role") ?? throw context.InputError("role is missing");
        var scope = context.String("scope") ?? throw context.InputError("scope is missing");
        var scopeCode = AssigneeScope.Resolve(scope, context.Case)
            ?? throw context.InputError($"scope {scope} has no org unit for this case");

        var (deadline, calendar) = Deadline(context, scopeCode);
        var item = WorkItem.Open(
            context.Case.Id, context.Run.Instance.Id, context.Node.Id, stage, context.Node.Name ?? context.Node.Id,
            role, scopeCode, context.StringList("outcomes"), context.Now, deadline?.WarnAt, deadline?.DueAt, calendar);
        context.Run.NewWorkItems.Add(item);
        context.Run.State.Bookmarks.Add(new Bookmark(item.Id, context.Node.Id, "HumanTask"));
        context.Case.EnterStage(stage);
        context.Journal(stage, "TaskCreated", comment: $"{role}@{scopeCode}", actor: "system");
        return ValueTask.FromResult(ActivityResult.Block);
    }

    public async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var stage = Stage(context);
        var outcomes = context.StringList("outcomes");
        if (!outcomes.Contains(stimulus.Outcome))
            throw DomainException.Field("outcome", $"结果须为 {string.Join(" | ", outcomes)} / outcome must be one of {string.Join(", ", outcomes)}");
        CheckRequired(context, stimulus);

        await StageOutcomes.ApplyAsync(context, stage, stimulus, cancellationToken);
        if (stimulus.WorkItem.Complete(stimulus.Actor, stimulus.Outcome, stimulus.Comment, context.Now))
            context.Case.RecordLateWorkItem();
        context.Journal(stage, "TaskCompleted", stimulus.Outcome, stimulus.Comment, stimulus.Actor);
        return ActivityResult.Done(stimulus.Outcome);
    }

    private static CaseStage Stage(ActivityContext context) =>
        Enum.TryParse<CaseStage>(context.String("stage"), out var stage) ? stage : throw context.InputError("stage is missing or unknown");

    private static void CheckRequired(ActivityContext context, Stimulus stimulus)
    {
        var errors = new Dictionary<string, string[]>();
        if (context.StringList("commentRequiredFor").Contains(stimulus.Outcome) && string.IsNullOrWhiteSpace(stimulus.Comment))
            errors["comment"] = [$"选择“{stimulus.Outcome}”须填写意见 / outcome {stimulus.Outcome} needs a comment"];
        if (context.Input("requiredFields") is JsonObject perOutcome && perOutcome[stimulus.Outcome] is JsonArray fields)
            foreach (var field in fields.Select(f => f?.ToString() ?? ""))
                if (string.IsNullOrWhiteSpace(stimulus.Data?[field]?.ToString()))
                    errors[$"data.{field}"] = [$"须填写 {field} / {field} is required"];
        if (errors.Count > 0) throw new DomainException("办理信息不完整 / the completion is incomplete", errors);
    }

    /// <summary>Handle takes the limit of the case's catalog snapshot; other stages take the flow's.</summary>
    private static (TaskDeadline? Deadline, string Calendar) Deadline(ActivityContext context, string scopeCode)
    {
        var catalog = context.Bool("useCatalogTimeLimit") ? context.Case.Catalog : null;
        var limit = catalog?.TimeLimit ?? context.String("timeLimit");
        var calendar = catalog?.Calendar ?? context.String("calendar") ?? "Working";
        if (string.IsNullOrWhiteSpace(limit)) return (null, calendar);
        var ratio = context.Number("warnRatio") ?? 0.8;
        return (context.Services.ComputeDeadline(context.Now, limit, calendar, ratio, scopeCode), calendar);
    }
}
