namespace GridCase.Host.Notifications;

/// <summary><c>Notifications:*</c>: how long a failed delivery waits before it is tried again.</summary>
public sealed class NotificationOptions
{
    /// <summary>The first wait; each further failure doubles it.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
}
