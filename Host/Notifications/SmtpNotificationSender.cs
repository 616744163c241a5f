using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Notifications;

/// <summary>Mails a user's notification to the user's address; one without an address (or the reporter) is logged only.</summary>
public sealed class SmtpNotificationSender(IOptions<SmtpOptions> options, LogNotificationSender fallback) : INotificationSender
{
    public async Task SendAsync(OutgoingNotification n, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(n.Email))
        {
            await fallback.SendAsync(n, cancellationToken);
            return;
        }
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var mail = new MailMessage(smtp.From, n.Email, n.Title, n.Message);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
