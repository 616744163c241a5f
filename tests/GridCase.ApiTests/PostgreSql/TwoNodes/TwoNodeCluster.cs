using System.Text.Json.Nodes;
using GridCase.ApiTests.Infrastructure;

namespace GridCase.ApiTests.PostgreSql.TwoNodes;

/// <summary>
/// Two Host processes on one fresh PostgreSQL database, and three catalog items the tests report on: one on its
/// shipped limit (nothing comes due during the run) and two on natural limits of seconds, which the Host allows
/// for any item (PUT /api/catalog/items). Real processes cannot share a fake clock; seconds-long limits let real
/// Hangfire jobs on real clocks come due inside the test.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    /// <summary>Long enough to reach Handle through two nodes, short enough to wait for.</summary>
    public const string QuickLimit = "PT8S";

    /// <summary>Comes due after a killed node is back (its restart takes seconds on this machine).</summary>
    public const string PendingLimit = "PT40S";

    private volatile HostNode? _b;
    private volatile bool _bUp;

    public string Database { get; private set; } = "";
    public HostNode A { get; private set; } = null!;
    public HostNode B => _b!;

    /// <summary>False from the moment node B is killed until its restart is healthy.</summary>
    public bool BUp => _bUp;

    public string LongItem { get; private set; } = "";
    public string QuickItem { get; private set; } = "";
    public string PendingItem { get; private set; } = "";

    /// <summary>Node A for even <paramref name="i"/>, B for odd; A while B is down.</summary>
    public HostNode Node(int i) => i % 2 == 0 || !_bUp ? A : _b!;

    public async Task InitializeAsync()
    {
        Database = PostgreSqlServer.Shared.CreateDatabase();
        // One after the other: the first start migrates and seeds the empty database.
        A = await HostNode.StartAsync("A", Database);
        var policy = await A.AsAsync("policy");
        var items = (await policy.GetJsonAsync("/api/catalog/items?page=1&pageSize=200"))["items"]!.AsArray()
            // The loop gives a handler comment, a verification and a callback; photos it cannot give.
            .Where(i => !i!["closureRequirements"]!.AsArray().Any(r => r!.GetValue<string>() is "AfterPhoto" or "BeforePhoto"))
            .Select(i => i!["code"]!.GetValue<string>()).Take(3).ToList();
        Assert.Equal(3, items.Count);
        LongItem = items[0];
        QuickItem = await SetNaturalLimitAsync(policy, items[1], QuickLimit);
        PendingItem = await SetNaturalLimitAsync(policy, items[2], PendingLimit);
        _b = await HostNode.StartAsync("B", Database);
        _bUp = true;
    }

    /// <summary>Kills node B with SIGKILL (traffic goes to A from that moment), starts it again, and routes to it once healthy.</summary>
    /// <returns>How long node B was away.</returns>
    public async Task<TimeSpan> KillAndRestartBAsync()
    {
        var away = System.Diagnostics.Stopwatch.StartNew();
        var killed = _b!;
        _bUp = false;
        await killed.KillAsync();
        await killed.DisposeAsync();
        _b = await HostNode.StartAsync("B", Database);
        _bUp = true;
        return away.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_b is { } b) await b.DisposeAsync();
        if (A is { } a) await a.DisposeAsync();
    }

    private static async Task<string> SetNaturalLimitAsync(ApiClient policy, string code, string limit)
    {
        var item = (await policy.GetJsonAsync($"/api/catalog/items/{code}")).AsObject();
        item["timeLimit"] = limit;
        item["calendar"] = "Natural";
        await ApiClient.ReadAsync(await policy.PutAsync($"/api/catalog/items/{code}", item), System.Net.HttpStatusCode.OK);
        return code;
    }
}
