using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Runtime;

namespace GridCase.CaseActivities;

/// <summary>What completing a task of the case means, whichever activity opened it (a HumanTask, one of ParallelTasks).</summary>
internal static class TaskCompletion
{
    /// <summary>The outcome must be one offered; the comment and data fields the flow asks for must be there — all errors at once.</summary>
    public static void Check(
        Stimulus stimulus, IReadOnlyList<string> outcomes, IReadOnlyList<string> commentRequiredFor,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? requiredFields = null)
    {
        if (!outcomes.Contains(stimulus.Outcome))
            throw DomainException.Field("outcome", $"结果须为 {string.Join(" | ", outcomes)} / outcome must be one of {string.Join(", ", outcomes)}");
        var errors = new Dictionary<string, string[]>();
        if (commentRequiredFor.Contains(stimulus.Outcome) && string.IsNullOrWhiteSpace(stimulus.Comment))
            errors["comment"] = [$"选择“{stimulus.Outcome}”须填写意见 / outcome {stimulus.Outcome} needs a comment"];
        if (requiredFields?.GetValueOrDefault(stimulus.Outcome) is { } fields)
            foreach (var field in fields)
                if (string.IsNullOrWhiteSpace(stimulus.Data?[field]?.ToString()))
                    errors[$"data.{field}"] = [$"须填写 {field} / {field} is required"];
        if (errors.Count > 0) throw new DomainException("办理信息不完整 / the completion is incomplete", errors);
    }

    /// <summary>Lets the stage's <see cref="IStageOutcomeHandler"/>s record what the outcome means for the case; a throw refuses it.</summary>
    public static async ValueTask HandleAsync(ActivityExecutionContext context, Case @case, CaseStage stage, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var outcome = new StageOutcome(@case, stage, stimulus, context.Now);
        foreach (var handler in context.GetServices<IStageOutcomeHandler>())
            if (handler.Stage == stage && (handler.Outcome is null || handler.Outcome == stimulus.Outcome))
                await handler.HandleAsync(outcome, cancellationToken);
    }

    /// <returns>Whether the work item was completed after its due instant.</returns>
    public static ValueTask<bool> CloseWorkItemAsync(ActivityExecutionContext context, Stimulus stimulus, CancellationToken cancellationToken) =>
        context.GetRequiredService<ITaskDispatcher>().CompleteAsync(
            stimulus.BookmarkId, stimulus.Actor, stimulus.Outcome, stimulus.Comment, context.Now, cancellationToken);
}
