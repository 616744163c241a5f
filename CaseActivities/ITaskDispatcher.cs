using GridCase.Domain.Cases;
using GridCase.Domain.WorkItems;

namespace GridCase.CaseActivities;

/// <summary>Opens, completes and cancels the work items human tasks wait on; the Host keeps them in its database.</summary>
public interface ITaskDispatcher
{
    /// <returns>The new work item's id, which the task's bookmark carries.</returns>
    ValueTask<Guid> OpenAsync(TaskRequest request, CancellationToken cancellationToken);

    /// <returns>Whether the item was completed after its due instant.</returns>
    ValueTask<bool> CompleteAsync(Guid workItemId, string actor, string outcome, string? comment, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Cancels one open work item, e.g. a parallel task nobody needs once the completion rule is met.</summary>
    ValueTask CancelAsync(Guid workItemId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Cancels every work item of the case still open, e.g. when an End in one branch finishes the flow.</summary>
    ValueTask CancelOpenAsync(Guid caseId, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record TaskRequest(
    Guid CaseId, Guid InstanceId, string ActivityId, CaseStage Stage, string Name, string Role, string ScopeOrgUnitCode,
    IReadOnlyList<string> Outcomes, DateTimeOffset Now, TaskDeadline? Deadline, string Calendar, WorkItemKind Kind = WorkItemKind.Task);

public sealed record TaskDeadline(DateTimeOffset WarnAt, DateTimeOffset DueAt);
