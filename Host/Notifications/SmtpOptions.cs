namespace GridCase.Host.Notifications;

/// <summary><c>Notifications:Smtp:*</c>; with a <see cref="Host"/> set, notifications to users with an e-mail address go by mail.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "gridcase@localhost";
}
