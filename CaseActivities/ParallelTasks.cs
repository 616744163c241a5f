using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Calendars;
using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Inputs;
using GridCase.Workflows.Runtime;

namespace GridCase.CaseActivities;

/// <summary>
/// One human task per org unit of a list (e.g. the departments of a co-handled case), all open at once, each with
/// its own deadline on its unit's calendar, each a bookmark of this activity. A completion rule says when the
/// activity is done; what it remembers in between (which task is the lead, who answered what) is its state in the instance.
/// </summary>
public sealed class ParallelTasks(ITaskRoles roles, IAssigneeScopes scopes) : Activity
{
    /// <summary>The data flag with which the lead finishes without waiting for the co-handlers (with a comment, journaled).</summary>
    public const string OverrideFlag = "override";

    protected override ActivityInfo Info => field ??= new(
        "ParallelTasks", new("并行任务", "Parallel tasks"), ActivityCategories.Human,
        new("为列表中的每个组织（如主办、协办部门）各派一个任务，各有时限；按完成规则（全部 / 任一 / 主办加全部协办）继续",
            "Opens one task per org unit of a list (e.g. the lead and co-handling departments), each with its own deadline; continues by the completion rule (all / any / the lead plus all co-handlers)."),
        [], Blocking: true, OutcomesFrom: Outcomes);

    public Input<CaseStage?> Stage { get; } = Input.Choice("stage", "闭环环节", "loop stage",
        CaseStage.Accept, CaseStage.Dispatch, CaseStage.Handle, CaseStage.Verify, CaseStage.Evaluate) with { Required = true };

    public Input<string?> Role { get; } = Input.Choice("role", "处理角色", "role", roles.Names) with { Required = true };

    public Input<IReadOnlyList<string>> OrgUnits { get; } = Input.TextList("orgUnits", "各任务的组织代码", "org unit of each task") with
    {
        Required = true, SupportsExpression = true,
        Help = new("列表或表达式，如 [$case.departmentCode].concat($case.coHandlerCodes)；每个组织一个任务",
            "A list or an expression, e.g. [$case.departmentCode].concat($case.coHandlerCodes); one task per org unit."),
    };

    public Input<ParallelCompletion?> Completion { get; } = Input.Choice<ParallelCompletion>("completion", "完成规则", "completion rule") with
    {
        Default = ParallelCompletion.All,
        Help = new("All 全部完成；Any 任一完成即继续，其余取消；LeadAndCoHandlers 主办完成且协办均已提交（主办可填写说明后直接办结）",
            "All: every task; Any: the first completion, the rest cancelled; LeadAndCoHandlers: the lead completed and every co-handler submitted (the lead may override with a comment)."),
    };

    public Input<string?> Lead { get; } = Input.Text("lead", "主办组织（缺省为列表第一个）", "lead org unit (default: the first of the list)") with
    {
        SupportsExpression = true,
    };

    public Input<IReadOnlyList<string>> Outcomes { get; } = Input.TextList("outcomes", "可选结果", "outcomes") with { Required = true };

    public Input<IReadOnlyList<string>> PartOutcomes { get; } = Input.TextList("partOutcomes", "协办可选结果", "a co-handler's outcomes") with
    {
        Default = ["Submit"],
        Help = new("仅用于主办协办规则：协办部门提交自己那部分的结果", "LeadAndCoHandlers only: what a co-handler answers for its part."),
    };

    public Input<IReadOnlyList<string>> FinishAtOnceFor { get; } =
        Input.TextList("finishAtOnceFor", "主办选此结果即结束（不等协办）", "lead outcomes that finish at once") with
        {
            Help = new("如 Return（退单）：其余任务取消", "e.g. Return: the other tasks are cancelled."),
        };

    public Input<IReadOnlyList<string>> CommentRequiredFor { get; } =
        Input.TextList("commentRequiredFor", "须填意见的结果", "outcomes that need a comment");

    public Input<IsoDuration?> TimeLimit { get; } = Input.Duration("timeLimit", "每个任务的时限（ISO-8601，如 PT1H）", "each task's time limit") with { SupportsExpression = true };

    public Input<CalendarKind?> Calendar { get; } = Input.Choice<CalendarKind>("calendar", "时限日历", "calendar of the limit") with
    {
        Default = CalendarKind.Working,
    };

    public Input<bool> UseCatalogTimeLimit { get; } = Input.Flag("useCatalogTimeLimit", "采用事项处置时限", "take the catalog item's limit");

    public Input<double?> WarnRatio { get; } = Input.Number("warnRatio", "预警比例", "warning at this share of the limit", min: 0, max: 1) with
    {
        Default = 0.8,
    };

    private TaskDeadlineRule Deadlines => field ??= new(TimeLimit, Calendar, UseCatalogTimeLimit, WarnRatio);

    /// <summary>Reads and checks everything before opening anything, so a misconfigured step faults without a half-opened set.</summary>
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var stage = context.Get(Stage) ?? throw context.InputError($"{Stage.Name} is missing");
        var role = context.Get(Role) ?? throw context.InputError($"{Role.Name} is missing");
        var completion = context.Get(Completion) ?? ParallelCompletion.All;
        var units = context.Get(OrgUnits).Distinct().ToList();
        if (units.Count == 0) throw context.InputError($"{OrgUnits.Name} is empty: there is nobody to send a task to");
        if (units.FirstOrDefault(u => !scopes.Exists(u)) is { } unknown)
            throw context.InputError($"{OrgUnits.Name}: {unknown} is no org unit of the org tree");
        var lead = completion == ParallelCompletion.LeadAndCoHandlers ? context.Get(Lead) ?? units[0] : null;
        if (lead is not null && !units.Contains(lead)) throw context.InputError($"{Lead.Name}: {lead} is not one of {OrgUnits.Name}");
        var outcomes = context.Get(Outcomes);
        var partOutcomes = context.Get(PartOutcomes);
        var plans = units.Select(unit =>
        {
            var kind = lead is null ? WorkItemKind.Task : unit == lead ? WorkItemKind.Lead : WorkItemKind.CoHandler;
            var (deadline, calendar) = Deadlines.For(context, @case, unit);
            return (Unit: unit, Kind: kind, Deadline: deadline, Calendar: calendar);
        }).ToList();

        var tasks = new JsonObject();
        var dispatcher = context.GetRequiredService<ITaskDispatcher>();
        foreach (var plan in plans)
        {
            var name = plan.Kind switch
            {
                WorkItemKind.Lead => $"{context.Node.Name ?? context.Node.Id}（主办 lead）",
                WorkItemKind.CoHandler => $"{context.Node.Name ?? context.Node.Id}（协办 co-handler）",
                _ => context.Node.Name ?? context.Node.Id,
            };
            var id = await dispatcher.OpenAsync(
                new TaskRequest(@case.Id, context.Run.Instance.Id, context.Node.Id, stage, name, role, plan.Unit,
                    plan.Kind == WorkItemKind.CoHandler ? partOutcomes : outcomes, context.Now, plan.Deadline, plan.Calendar, plan.Kind),
                cancellationToken);
            context.CreateBookmark(id, Info.Type);
            tasks[id.ToString()] = new JsonObject { ["unit"] = plan.Unit, ["kind"] = plan.Kind.ToString() };
        }
        context.ClearState();
        context.State["tasks"] = tasks;
        context.State["answers"] = new JsonObject();
        @case.EnterStage(stage);
        context.Journal(stage, "TasksCreated", completion.ToString(), lead is null
            ? $"{role}@{string.Join(", ", units)}"
            : $"{role}: 主办 lead {lead}; 协办 co-handlers {string.Join(", ", units.Where(u => u != lead))}");
        return ActivityResult.Block;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var stage = context.Get(Stage) ?? throw context.InputError($"{Stage.Name} is missing");
        var completion = context.Get(Completion) ?? ParallelCompletion.All;
        var state = context.State;
        var task = state["tasks"]?[stimulus.BookmarkId.ToString()]
            ?? throw new InvalidOperationException($"{context.Node.Id} has no task {stimulus.BookmarkId}");
        var unit = task["unit"]!.GetValue<string>();
        var kind = Enum.Parse<WorkItemKind>(task["kind"]!.GetValue<string>());
        var overriding = stimulus.Data?[OverrideFlag] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        CheckOverride(kind, overriding, stimulus);
        TaskCompletion.Check(stimulus, kind == WorkItemKind.CoHandler ? context.Get(PartOutcomes) : context.Get(Outcomes), context.Get(CommentRequiredFor));
        // A co-handler's part is not the case's outcome: the stage's meaning (evidence, returns) is the lead's to give.
        if (kind != WorkItemKind.CoHandler)
            await TaskCompletion.HandleAsync(context, @case, stage, stimulus, cancellationToken);
        // Lateness of a co-handler's part counts against its department (its work item shows it), not the case.
        if (await TaskCompletion.CloseWorkItemAsync(context, stimulus, cancellationToken) && kind != WorkItemKind.CoHandler)
            @case.RecordLateWorkItem();

        var answers = state["answers"]!.AsObject();
        answers[stimulus.BookmarkId.ToString()] = stimulus.Outcome;
        var open = context.Bookmarks.Where(b => b.Id != stimulus.BookmarkId).ToList();
        var leadOutcome = LeadOutcome(state, answers);
        var port = completion switch
        {
            ParallelCompletion.Any => stimulus.Outcome,
            ParallelCompletion.All => open.Count == 0 ? Majority(answers, context.Get(Outcomes)) : null,
            _ when kind == WorkItemKind.Lead && (overriding || context.Get(FinishAtOnceFor).Contains(stimulus.Outcome)) => stimulus.Outcome,
            _ => open.Count == 0 ? leadOutcome : null,
        };
        var label = kind switch { WorkItemKind.Lead => "主办 lead", WorkItemKind.CoHandler => "协办 co-handler", _ => "" };
        var comment = $"{unit}{(label.Length > 0 ? $" {label}" : "")}{(string.IsNullOrWhiteSpace(stimulus.Comment) ? "" : $": {stimulus.Comment}")}";
        if (port is null)
        {
            context.Journal(stage, kind == WorkItemKind.CoHandler ? "PartSubmitted" : "TaskCompleted", stimulus.Outcome, comment);
            return ActivityResult.Block;
        }

        var dispatcher = context.GetRequiredService<ITaskDispatcher>();
        foreach (var bookmark in open)
        {
            await dispatcher.CancelAsync(bookmark.Id, context.Now, cancellationToken);
            context.RemoveBookmark(bookmark);
        }
        context.ClearState();
        context.Journal(stage, overriding ? "LeadOverride" : "TasksCompleted", port,
            open.Count == 0 ? comment : $"{comment}（未完成的 {open.Count} 个任务已取消 / {open.Count} open task(s) cancelled）");
        return ActivityResult.Done(port);
    }

    private static void CheckOverride(WorkItemKind kind, bool overriding, Stimulus stimulus)
    {
        if (!overriding) return;
        if (kind != WorkItemKind.Lead)
            throw DomainException.Field($"data.{OverrideFlag}", "只有主办部门可以不等协办直接办结 / only the lead may finish without the co-handlers");
        if (string.IsNullOrWhiteSpace(stimulus.Comment))
            throw DomainException.Field("comment", "不等协办直接办结须说明理由 / finishing without the co-handlers needs a comment");
    }

    private static string? LeadOutcome(JsonObject state, JsonObject answers) =>
        state["tasks"]!.AsObject()
            .Where(t => t.Value!["kind"]!.GetValue<string>() == nameof(WorkItemKind.Lead))
            .Select(t => answers[t.Key]?.GetValue<string>())
            .FirstOrDefault();

    private static string Majority(JsonObject answers, IReadOnlyList<string> outcomes)
    {
        var chosen = answers.Select(a => a.Value!.GetValue<string>()).ToList();
        return outcomes.Where(chosen.Contains).OrderByDescending(o => chosen.Count(c => c == o)).First();
    }
}
