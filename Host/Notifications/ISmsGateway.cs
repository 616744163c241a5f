namespace GridCase.Host.Notifications;

/// <summary>
/// An SMS gateway, for the reporter's notifications. No gateway ships: a deployment implements this against its
/// operator's API and an <see cref="INotificationSender"/> that calls it.
/// </summary>
public interface ISmsGateway
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken);
}
