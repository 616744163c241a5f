using GridCase.CaseActivities;
using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime;

/// <summary>Keeps human tasks as work items in the request's DbContext; the caller's SaveChanges writes them with the instance.</summary>
public sealed class WorkItemDispatcher(GridCaseDbContext db) : ITaskDispatcher
{
    public ValueTask<Guid> OpenAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        var item = WorkItem.Open(
            request.CaseId, request.InstanceId, request.ActivityId, request.Stage, request.Name, request.Role,
            request.ScopeOrgUnitCode, request.Outcomes, request.Now, request.Deadline?.WarnAt, request.Deadline?.DueAt, request.Calendar, request.Kind);
        db.WorkItems.Add(item);
        return ValueTask.FromResult(item.Id);
    }

    public async ValueTask<bool> CompleteAsync(Guid workItemId, string actor, string outcome, string? comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.FindAsync([workItemId], cancellationToken)
            ?? throw new InvalidOperationException($"work item {workItemId} of a bookmark is missing");
        return item.Complete(actor, outcome, comment, now);
    }

    public async ValueTask CancelAsync(Guid workItemId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.WorkItems.FindAsync([workItemId], cancellationToken))?.Cancel(now);

    public async ValueTask CancelOpenAsync(Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Loaded into the change tracker, beside any this unit of work opened: Local then holds them all.
        await db.WorkItems.Where(w => w.CaseId == caseId && w.Status == WorkItemStatus.Open).LoadAsync(cancellationToken);
        foreach (var item in db.WorkItems.Local.Where(w => w.CaseId == caseId && w.Status == WorkItemStatus.Open).ToList())
            item.Cancel(now);
    }

    /// <summary>The work items this unit of work opened, whose SLA timers are scheduled once it commits.</summary>
    public IReadOnlyList<WorkItem> Opened() =>
        [.. db.ChangeTracker.Entries<WorkItem>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
}
