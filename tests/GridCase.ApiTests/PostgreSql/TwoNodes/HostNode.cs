using System.Collections.Concurrent;
using GridCase.ApiTests.Infrastructure;
using GridCase.Load;

namespace GridCase.ApiTests.PostgreSql.TwoNodes;

/// <summary>
/// The built Host as a real process (<c>dotnet GridCase.Host.dll</c>, shipped Production configuration) on a
/// PostgreSQL database that other nodes share, with one signed-in client per demo user.
/// </summary>
public sealed class HostNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, Lazy<Task<ApiClient>>> _clients = new();

    private HostNode(string name, HostProcess process)
    {
        Name = name;
        Process = process;
    }

    public string Name { get; }

    public HostProcess Process { get; }

    public static async Task<HostNode> StartAsync(string name, string database)
    {
        // The Host this suite just built, not whatever Release build lies in Host/bin.
        var process = HostProcess.Start(typeof(Program).Assembly.Location, HostProcess.FreeLocalUrl(), environment: new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__GridCase"] = database,
            ["Demo__Cases"] = "false",
        });
        try
        {
            using var probe = new HttpClient();
            await process.WaitHealthyAsync(probe, StartTimeout, CancellationToken.None);
            return new HostNode(name, process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The user's client on this node, signed in once (safe to ask from many tasks at once).</summary>
    public Task<ApiClient> AsAsync(string userName) =>
        _clients.GetOrAdd(userName, u => new Lazy<Task<ApiClient>>(
            () => new ApiClient(new HttpClient { BaseAddress = Process.Url, Timeout = CallTimeout }, u).SignInAsync())).Value;

    /// <summary>SIGKILL: requests in flight on this node get no answer.</summary>
    public Task KillAsync() => Process.KillAsync();

    public override string ToString() => $"node {Name} ({Process.Url})";

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
            client.Value.Result.Http.Dispose();
        await Process.DisposeAsync();
    }
}
