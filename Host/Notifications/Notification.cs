namespace GridCase.Host.Notifications;

/// <summary>
/// One notification for one recipient: written into the outbox with the step that raised it, shown in the user's
/// in-app list at once, and sent by the <see cref="INotificationSender"/> until it succeeds.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string ActivityId { get; private set; } = "";
    /// <summary>The user it is for; null for the reporter, who is reached by <see cref="Phone"/> only.</summary>
    public string? UserName { get; private set; }
    public string? Phone { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>When the next delivery is due; the sweep sends every undelivered row whose instant has come.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification For(Guid caseId, string activityId, string? userName, string? phone, string title, string message, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = caseId,
        ActivityId = activityId,
        UserName = userName,
        Phone = phone,
        Title = title,
        Message = message,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Delivered(DateTimeOffset now)
    {
        Attempts++;
        DeliveredAt = now;
        LastError = null;
    }

    /// <summary>Waits <paramref name="retryBase"/> · 2^(attempts − 1), at most <paramref name="maxDelay"/>, before the next try.</summary>
    public void Failed(string error, DateTimeOffset now, TimeSpan retryBase, TimeSpan maxDelay)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        var delay = retryBase * Math.Pow(2, Math.Min(Attempts - 1, 20));
        NextAttemptAt = now + (delay < maxDelay ? delay : maxDelay);
    }

    public void Read(DateTimeOffset now) => ReadAt ??= now;
}
