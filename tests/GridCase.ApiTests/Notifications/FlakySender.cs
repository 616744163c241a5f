using System.Collections.Concurrent;
using GridCase.Host.Notifications;

namespace GridCase.ApiTests.Notifications;

/// <summary>A stand-in for an external mail or SMS gateway that refuses each notification its first <paramref name="failures"/> times.</summary>
public sealed class FlakySender(int failures) : INotificationSender
{
    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();
    public ConcurrentBag<OutgoingNotification> Sent { get; } = [];

    public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var attempt = Attempts.AddOrUpdate(notification.Id, 1, (_, n) => n + 1);
        if (attempt <= failures) throw new IOException($"gateway unavailable (attempt {attempt})");
        Sent.Add(notification);
        return Task.CompletedTask;
    }
}
