using GridCase.Domain.Calendars;
using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Inputs;
using GridCase.Workflows.Runtime;

namespace GridCase.CaseActivities;

/// <summary>
/// A task for a person of a role within an org scope; the person's outcome picks the next step. It waits on a
/// bookmark whose id is the work item the <see cref="ITaskDispatcher"/> opened; what the outcome means for the
/// case is up to the <see cref="IStageOutcomeHandler"/>s of its stage.
/// </summary>
public sealed class HumanTask(ITaskRoles roles, IAssigneeScopes scopes) : Activity
{
    protected override ActivityInfo Info => field ??= new(
        "HumanTask", new("人工任务", "Human task"), ActivityCategories.Human,
        new("派给某角色在某组织范围内的人员处理，按其选择的结果继续", "Sends a task to a role within an org scope; the chosen outcome decides the next step."),
        [], Blocking: true, OutcomesFrom: Outcomes);

    public Input<CaseStage?> Stage { get; } = Input.Choice("stage", "闭环环节", "loop stage",
        CaseStage.Accept, CaseStage.Dispatch, CaseStage.Handle, CaseStage.Arbitrate, CaseStage.Verify, CaseStage.Evaluate) with { Required = true };

    public Input<string?> Role { get; } = Input.Choice("role", "处理角色", "role", roles.Names) with { Required = true };

    public Input<string?> Scope { get; } = Input.Choice("scope", "组织范围", "org scope", scopes.Names) with { Required = true };

    public Input<IReadOnlyList<string>> Outcomes { get; } = Input.TextList("outcomes", "可选结果", "outcomes") with { Required = true };

    public Input<IReadOnlyList<string>> CommentRequiredFor { get; } =
        Input.TextList("commentRequiredFor", "须填意见的结果", "outcomes that need a comment");

    public Input<IReadOnlyDictionary<string, IReadOnlyList<string>>> RequiredFields { get; } =
        Input.ListsByKey("requiredFields", "各结果必填字段", "required data fields per outcome") with
        {
            Help = new("如 {\"Dispatch\": [\"departmentCode\"]}", "e.g. {\"Dispatch\": [\"departmentCode\"]}"),
        };

    public Input<IsoDuration?> TimeLimit { get; } = Input.Duration("timeLimit", "时限（ISO-8601，如 PT1H）", "time limit") with { SupportsExpression = true };

    public Input<CalendarKind?> Calendar { get; } = Input.Choice<CalendarKind>("calendar", "时限日历", "calendar of the limit") with
    {
        Default = CalendarKind.Working,
    };

    public Input<bool> UseCatalogTimeLimit { get; } = Input.Flag("useCatalogTimeLimit", "采用事项处置时限", "take the catalog item's limit");

    public Input<double?> WarnRatio { get; } = Input.Number("warnRatio", "预警比例", "warning at this share of the limit", min: 0, max: 1) with
    {
        Default = 0.8,
    };

    public Input<string?> OverdueOutcome { get; } = Input.Text("overdueOutcome", "超期自动结果（如回访超期默认满意）", "outcome applied automatically when overdue");

    public Input<string?> OverdueComment { get; } = Input.Text("overdueComment", "超期自动结果的说明", "comment written with the automatic outcome");

    private TaskDeadlineRule Deadlines => field ??= new(TimeLimit, Calendar, UseCatalogTimeLimit, WarnRatio);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var stage = StageOf(context);
        var role = context.Get(Role) ?? throw context.InputError($"{Role.Name} is missing");
        var scope = context.Get(Scope) ?? throw context.InputError($"{Scope.Name} is missing");
        var scopeCode = scopes.Resolve(scope, @case)
            ?? throw context.InputError($"scope {scope} names no org unit of the org tree for this case");

        var (deadline, calendar) = Deadlines.For(context, @case, scopeCode);
        var id = await context.GetRequiredService<ITaskDispatcher>().OpenAsync(
            new TaskRequest(@case.Id, context.Run.Instance.Id, context.Node.Id, stage, context.Node.Name ?? context.Node.Id,
                role, scopeCode, context.Get(Outcomes), context.Now, deadline, calendar),
            cancellationToken);
        context.CreateBookmark(id, Info.Type);
        @case.EnterStage(stage);
        context.Journal(stage, "TaskCreated", comment: $"{role}@{scopeCode}");
        return ActivityResult.Block;
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var stage = StageOf(context);
        TaskCompletion.Check(stimulus, context.Get(Outcomes), context.Get(CommentRequiredFor), context.Get(RequiredFields));
        await TaskCompletion.HandleAsync(context, @case, stage, stimulus, cancellationToken);
        if (await TaskCompletion.CloseWorkItemAsync(context, stimulus, cancellationToken))
            @case.RecordLateWorkItem();
        context.Journal(stage, "TaskCompleted", stimulus.Outcome, stimulus.Comment);
        return ActivityResult.Done(stimulus.Outcome);
    }

    private CaseStage StageOf(ActivityExecutionContext context) =>
        context.Get(Stage) ?? throw context.InputError($"{Stage.Name} is missing");
}
