using GridCase.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Notifications;

/// <summary>Every minute (and once on start), sends the undelivered rows whose time has come that no job sent: none is lost on a restart.</summary>
public sealed class NotificationSweep(GridCaseDbContext db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<NotificationSweep> log)
{
    public const string JobId = "notification-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Notification>().AsNoTracking().Where(n => n.DeliveredAt == null && n.NextAttemptAt <= now)
            .Select(n => n.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "notification sweep could not deliver {Id}", id);
            }
        return due.Count;
    }
}
