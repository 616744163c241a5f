namespace GridCase.Host.Notifications;

/// <summary>Sends one notification out of the Host (mail, SMS, a log). A throw means "not sent": it is tried again later.</summary>
public interface INotificationSender
{
    Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);
}

/// <param name="Email">The user's address, when the user has one.</param>
/// <param name="Phone">The reporter's phone, for an SMS gateway.</param>
public sealed record OutgoingNotification(Guid Id, Guid CaseId, string? UserName, string? Email, string? Phone, string Title, string Message);
