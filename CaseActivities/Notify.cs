using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Inputs;

namespace GridCase.CaseActivities;

/// <summary>
/// 通知: puts a notification for roles within an org scope, named users and/or the reporter into the outbox, in the
/// same transaction as the step; delivery happens after it commits, retried until it succeeds.
/// </summary>
public sealed class Notify(ITaskRoles roles, IAssigneeScopes scopes) : Activity
{
    protected override ActivityInfo Info => field ??= new(
        "Notify", new("发送通知", "Notify"), ActivityCategories.Loop,
        new("通知某组织范围内的角色、指定用户或报告人（站内消息，并经邮件/短信发出）",
            "Notifies roles within an org scope, named users or the reporter (in-app, and sent by mail or SMS)."),
        ["Done"]);

    public Input<IReadOnlyList<string>> Roles { get; } = Input.ChoiceList("roles", "通知角色", "roles to notify", roles.Names);

    public Input<string?> Scope { get; } = Input.Choice("scope", "角色的组织范围", "org scope of the roles", scopes.Names) with
    {
        Default = "CaseGrid",
    };

    public Input<IReadOnlyList<string>> Users { get; } = Input.TextList("users", "通知用户（用户名）", "users to notify (user names)");

    public Input<bool> ToReporter { get; } = Input.Flag("toReporter", "通知报告人", "notify the reporter");

    public Input<string?> Title { get; } = Input.Text("title", "标题", "title") with { Required = true };

    public Input<string?> Message { get; } = Input.Text("message", "内容（可用表达式）", "message (may be an expression)") with
    {
        SupportsExpression = true,
        Help = new("如 `'案件 ' + $case.number + ' 已派遣'`", "e.g. `'case ' + $case.number + ' dispatched'`"),
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context, CancellationToken cancellationToken)
    {
        var @case = context.Feature<CaseRun>().Case;
        var (toRoles, users, toReporter) = (context.Get(Roles), context.Get(Users), context.Get(ToReporter));
        var title = context.Get(Title) ?? throw context.InputError($"{Title.Name} is missing");
        var message = context.Get(Message) ?? title;
        var scope = context.Get(Scope) ?? "CaseGrid";
        var scopeCode = toRoles.Count == 0 ? "" : scopes.Resolve(scope, @case)
            ?? throw context.InputError($"scope {scope} names no org unit of the org tree for this case");
        if (toRoles.Count == 0 && users.Count == 0 && !toReporter)
            throw context.InputError($"{Roles.Name}, {Users.Name} or {ToReporter.Name} is required");

        await context.GetRequiredService<INotificationOutbox>().PutAsync(
            new NotificationRequest(@case.Id, context.Node.Id, toRoles, scopeCode, users, toReporter, title, message, context.Now), cancellationToken);
        context.Journal(@case.Stage, "Notified", comment: title);
        return ActivityResult.Done("Done");
    }
}
