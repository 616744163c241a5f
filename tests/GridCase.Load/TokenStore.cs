using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace GridCase.Load;

/// <summary>
/// One bearer token per demo user, shared by every client: the Host hashes passwords deliberately slowly, so
/// signing in per call would measure the hash, not the loop.
/// </summary>
public sealed class TokenStore(HttpClient http, string password, ErrorLog errors)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private long _signInTicks;
    private int _signIns;

    public int SignIns => Volatile.Read(ref _signIns);
    public TimeSpan SignInTime => TimeSpan.FromTicks(Interlocked.Read(ref _signInTicks));

    public Task<string> GetAsync(string userName, CancellationToken cancellationToken) =>
        _tokens.GetOrAdd(userName, user => new Lazy<Task<string>>(() => SignInAsync(user, cancellationToken))).Value;

    /// <summary>Signs the users in before the clock starts, a few at a time.</summary>
    public async Task WarmUpAsync(IEnumerable<string> userNames, int parallelism, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(userNames.Distinct(), options, async (user, ct) =>
        {
            // A user that cannot sign in is already counted as an error; its cases will fail visibly later.
            try { await GetAsync(user, ct); }
            catch (LoadCallException) { }
        });
    }

    private async Task<string> SignInAsync(string userName, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password), Json.Options, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw Fail(userName, $"POST /api/auth/login as {userName} → {(int)response.StatusCode} {GridCaseClient.Shorten(body)}");
            }
            var login = await response.Content.ReadFromJsonAsync<LoginResponse>(Json.Options, cancellationToken);
            if (string.IsNullOrEmpty(login?.AccessToken))
                throw Fail(userName, $"POST /api/auth/login as {userName} answered without an accessToken");
            Interlocked.Increment(ref _signIns);
            return login.AccessToken;
        }
        catch (HttpRequestException ex)
        {
            throw Fail(userName, $"POST /api/auth/login as {userName}: {GridCaseClient.Describe(ex)}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(userName, $"POST /api/auth/login as {userName}: timed out");
        }
        finally
        {
            Interlocked.Add(ref _signInTicks, watch.Elapsed.Ticks);
        }
    }

    private LoadCallException Fail(string userName, string description)
    {
        errors.Add(description);
        // Forget the failure so a later case tries again instead of inheriting one transient error forever.
        _tokens.TryRemove(userName, out _);
        return new LoadCallException(description);
    }
}
