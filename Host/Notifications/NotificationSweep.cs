using GridCase.Host.Hosting;
using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Notifications;

/// <summary>
/// Every minute (and once on start), sends the undelivered rows whose time has come that no job sent: none is lost on a
/// restart, so there is nothing to schedule again on start.
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class NotificationSweep(GridCaseDbContext db, IServiceScopeFactory scopes, TimeProvider clock) : ISweep
{
    public static string JobId => "notification-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Notification>().AsNoTracking().Where(n => n.DeliveredAt == null && n.NextAttemptAt <= now)
            .Select(n => n.Id).ToListAsync(cancellationToken);
        return await SweepItems.FireEachAsync(due, scopes, "notification deliveries",
            (services, id) => services.GetRequiredService<NotificationDelivery>().DeliverAsync(id, cancellationToken), cancellationToken);
    }
}
