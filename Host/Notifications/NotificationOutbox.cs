using GridCase.CaseActivities;
using GridCase.Host.Org;
using GridCase.Host.Persistence;
using Hangfire;

namespace GridCase.Host.Notifications;

/// <summary>
/// Writes one outbox row per recipient into the run's DbContext, so the rows commit or roll back with the step.
/// Once they are saved a delivery job is scheduled for each; one that runs before the commit finds nothing to do,
/// and the sweep sends the row later — a notification can be late, never lost.
/// </summary>
public sealed class NotificationOutbox(GridCaseDbContext db, UserDirectory users, OrgDirectory org, IBackgroundJobClient jobs, ILogger<NotificationOutbox> log)
    : INotificationOutbox
{
    private readonly List<Guid> _pending = [];

    public async ValueTask PutAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        var recipients = new SortedSet<string>(StringComparer.Ordinal);
        if (request.Roles.Count > 0)
            foreach (var m in await users.MembersAsync(request.Roles, cancellationToken))
                if (org.Covers(m.OrgUnitCode, request.ScopeOrgUnitCode)) recipients.Add(m.UserName);
        if (request.Users.Count > 0)
        {
            var known = await users.ExistingAsync(request.Users, cancellationToken);
            foreach (var name in request.Users)
                if (known.Contains(name)) recipients.Add(name);
                else log.LogWarning("notify {Activity}: no user {User}; skipped", request.ActivityId, name);
        }
        foreach (var name in recipients)
            Add(Notification.For(request.CaseId, request.ActivityId, name, null, request.Title, request.Message, request.Now));
        if (request.ToReporter && (await db.Cases.FindAsync([request.CaseId], cancellationToken))?.Reporter.Phone is { Length: > 0 } phone)
            Add(Notification.For(request.CaseId, request.ActivityId, null, phone, request.Title, request.Message, request.Now));
    }

    private void Add(Notification notification)
    {
        if (_pending.Count == 0) db.SavedChanges += ScheduleSaved;
        db.Add(notification);
        _pending.Add(notification.Id);
    }

    private void ScheduleSaved(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e)
    {
        db.SavedChanges -= ScheduleSaved;
        foreach (var id in _pending)
            // A moment after the save, so the transaction around it has committed.
            jobs.Schedule<NotificationDelivery>(d => d.DeliverAsync(id, CancellationToken.None), TimeSpan.FromSeconds(1));
        _pending.Clear();
    }
}
