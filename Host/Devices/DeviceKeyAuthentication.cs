using System.Security.Claims;
using System.Text.Encodings.Web;
using GridCase.Host.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Devices;

/// <summary>
/// Signs a device in by its key, sent as <c>Authorization: Device &lt;key&gt;</c> or <c>X-Device-Key: &lt;key&gt;</c>.
/// Only the endpoints that name this scheme use it; a user's bearer token means nothing there, and a key nothing elsewhere.
/// </summary>
public sealed class DeviceKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, GridCaseDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DeviceKey";
    public const string HeaderName = "X-Device-Key";
    public const string DeviceIdClaim = "gridcase:device";
    private const string AuthorizationPrefix = "Device ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
        if (key.Length > DeviceKeys.MaxKeyLength) return AuthenticateResult.Fail("not a device key");
        var hash = DeviceKeys.Hash(key);
        // Found by its hash (a unique index): a row that matches is the key's own, with no second comparison to make.
        var deviceId = await db.Devices.AsNoTracking().Where(d => d.KeyHash == hash).Select(d => d.DeviceId)
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (deviceId is null) return AuthenticateResult.Fail("unknown device key");
        var identity = new ClaimsIdentity([new Claim(DeviceIdClaim, deviceId), new Claim(ClaimTypes.Name, $"device:{deviceId}")], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Device";
        return Task.CompletedTask;
    }

    private static string? KeyOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(AuthorizationPrefix, StringComparison.OrdinalIgnoreCase)) return authorization[AuthorizationPrefix.Length..].Trim();
        return request.Headers[HeaderName].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }
}
