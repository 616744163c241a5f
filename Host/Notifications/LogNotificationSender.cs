namespace GridCase.Host.Notifications;

/// <summary>The default sender: writes each notification to the log, for a deployment without mail or SMS.</summary>
public sealed class LogNotificationSender(ILogger<LogNotificationSender> log) : INotificationSender
{
    public Task SendAsync(OutgoingNotification n, CancellationToken cancellationToken)
    {
        log.LogInformation("notification {Id} for {Recipient} (case {Case}): {Title} — {Message}",
            n.Id, n.UserName ?? n.Phone ?? "reporter", n.CaseId, n.Title, n.Message);
        return Task.CompletedTask;
    }
}
