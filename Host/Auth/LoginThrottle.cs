using System.Net;
using System.Threading.RateLimiting;

namespace GridCase.Host.Auth;

public sealed class LoginRateLimitOptions
{
    /// <summary>Sign-in attempts one client address may make per window, whatever the user names.</summary>
    public int PermitsPerClient { get; set; } = 30;

    /// <summary>Sign-in attempts one user name may receive per window, from anywhere.</summary>
    public int PermitsPerUserName { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Bounds password guessing before Identity sees it: per client address and per user name, each a fixed window
/// (System.Threading.RateLimiting, the limiter ASP.NET Core's middleware is built on). The user name is in the
/// body, which the middleware's partitioner cannot read, so the endpoint asks here once it has bound the body.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<(string Client, string UserName)> _limiter;

    public LoginThrottle(Microsoft.Extensions.Options.IOptions<LoginRateLimitOptions> options)
    {
        var o = options.Value;
        FixedWindowRateLimiterOptions Window(int permits) => new() { PermitLimit = Math.Max(1, permits), Window = o.Window, QueueLimit = 0, AutoReplenishment = true };
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Client, string UserName), string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Client, _ => Window(o.PermitsPerClient))),
            PartitionedRateLimiter.Create<(string Client, string UserName), string>(a => RateLimitPartition.GetFixedWindowLimiter(a.UserName, _ => Window(o.PermitsPerUserName))));
    }

    /// <summary>Null when the attempt may go on; otherwise how long the caller should wait.</summary>
    public TimeSpan? Refuse(IPAddress? client, string? userName)
    {
        using var lease = _limiter.AttemptAcquire((client?.ToString() ?? "", (userName ?? "").Trim().ToUpperInvariant()));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
