using System.Collections.Concurrent;

namespace GridCase.Host.Notifications;

/// <summary>
/// The outbox rows this process is sending now. A scheduled retry and the sweep may pick up one row at the same moment;
/// the second then leaves it to the first instead of sending it again. Across nodes delivery stays at least once.
/// </summary>
public sealed class NotificationsInFlight
{
    private readonly ConcurrentDictionary<Guid, byte> _sending = new();

    public bool TryStart(Guid id) => _sending.TryAdd(id, 0);

    public void Done(Guid id) => _sending.TryRemove(id, out _);
}
