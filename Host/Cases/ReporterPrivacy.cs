using System.Security.Claims;
using GridCase.Domain.Cases;
using GridCase.Host.Identity;

namespace GridCase.Host.Cases;

/// <summary>
/// The reporter's phone number is for the people who call residents back. Everyone else who may see the
/// case sees it masked (138****0000), enough to tell two reporters apart and no more.
/// </summary>
public static class ReporterPrivacy
{
    public static readonly IReadOnlyList<string> SeePhone = [Roles.Acceptor, Roles.CallbackAgent, Roles.Admin];

    public static ReporterDto ToDto(Reporter reporter, ClaimsPrincipal user) => new(reporter.Name, PhoneFor(reporter.Phone, user));

    /// <summary>The phone as <paramref name="user"/> may see it: whole or masked. Every list and export that shows a phone goes through here.</summary>
    public static string? PhoneFor(string? phone, ClaimsPrincipal user) => SeePhone.Any(user.IsInRole) ? phone : Mask(phone);

    /// <summary>Keeps the first three and the last four characters; a short number keeps only its last two.</summary>
    public static string? Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return phone;
        var (head, tail) = phone.Length >= 8 ? (3, 4) : (0, Math.Min(2, phone.Length - 1));
        return string.Concat(phone.AsSpan(0, head), new string('*', phone.Length - head - tail), phone.AsSpan(phone.Length - tail));
    }
}
