using GridCase.Host.Hosting;
using GridCase.Host.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Notifications;

/// <summary>
/// Sends one outbox row through the <see cref="INotificationSender"/>; a failure is recorded and tried again after a
/// growing wait. Delivery is at least once: two nodes (or a crash between sending and saving) may send a row twice.
/// </summary>
public sealed class NotificationDelivery(
    GridCaseDbContext db, INotificationSender sender, IBackgroundJobClient jobs, IOptions<NotificationOptions> options,
    NotificationsInFlight inFlight, TimeProvider clock, ILogger<NotificationDelivery> log)
{
    public async Task DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!inFlight.TryStart(id)) return;
        try
        {
            await SendAsync(id, cancellationToken);
        }
        finally
        {
            inFlight.Done(id);
        }
    }

    private async Task SendAsync(Guid id, CancellationToken cancellationToken)
    {
        var n = await db.Set<Notification>().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (n is null || n.DeliveredAt is not null || n.NextAttemptAt > clock.GetUtcNow()) return;
        var email = n.UserName is null ? null
            : await db.Users.Where(u => u.UserName == n.UserName).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        try
        {
            await sender.SendAsync(new OutgoingNotification(n.Id, n.CaseId, n.UserName, email, n.Phone, n.Title, n.Message), cancellationToken);
            n.Delivered(clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            n.Failed(e.Message, clock.GetUtcNow(), options.Value.RetryBase, options.Value.MaxRetryDelay);
            log.LogWarning(e, "notification {Id}: attempt {Attempt} failed; next at {Next}", n.Id, n.Attempts, n.NextAttemptAt);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (n.DeliveredAt is null)
            jobs.Schedule<NotificationDelivery>(d => d.DeliverAsync(id, CancellationToken.None), JobInstants.NotBefore(n.NextAttemptAt));
    }
}
