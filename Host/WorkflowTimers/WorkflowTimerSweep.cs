using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkflowTimers;

/// <summary>Every minute, fires the due timers no job fired (jobs lost with in-memory storage, a node that died).</summary>
public sealed class WorkflowTimerSweep(GridCaseDbContext db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<WorkflowTimerSweep> log)
{
    public const string JobId = "workflow-timer-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<WorkflowTimer>().AsNoTracking().Where(t => t.FiredAt == null && t.DueAt <= now).Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WorkflowTimerJob>().FireAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "workflow timer sweep could not fire {Timer}", id);
            }
        return due.Count;
    }
}
