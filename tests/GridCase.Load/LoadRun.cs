using System.Diagnostics;

namespace GridCase.Load;

/// <summary>Sets up the users and case mix, then runs the clients against the Host and measures them.</summary>
public sealed class LoadRun(LoadOptions options, Uri url, DirectoryInfo? repo)
{
    public const string DemoPassword = "Demo#2026";
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public async Task<LoadResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var metrics = new Metrics();
        using var setupHttp = NewHttpClient(url);
        var tokens = new TokenStore(setupHttp, DemoPassword, metrics.Errors);
        var setup = new GridCaseClient(setupHttp, tokens, metrics.Errors);

        try { await tokens.GetAsync("acceptor", cancellationToken); }
        catch (LoadCallException ex) { throw new SetupException($"Cannot sign in as the demo acceptor: {ex.Message}"); }
        var (items, itemsFrom) = await CatalogSource.LoadAsync(setup, repo, cancellationToken);
        var (grids, gridsFrom) = await GridSource.LoadAsync(setup, repo, cancellationToken);
        Console.WriteLine($"items: {items.Count} closable without photos, from {itemsFrom}");
        Console.WriteLine($"grids: {grids.Count}, from {gridsFrom}");

        // Everyone the loop will need, signed in before the clock starts so slow hashing is not in the numbers.
        var users = new[] { "acceptor", "dispatcher", "callback" }
            .Concat(items.Select(i => i.OwnerDepartmentCode).OfType<string>().Distinct().Select(d => $"handler.{d}"))
            .Concat(grids.Select(g => $"grid.{g}"));
        var warmUp = Stopwatch.StartNew();
        await tokens.WarmUpAsync(users, options.Clients, cancellationToken);
        Console.WriteLine($"signed in {tokens.SignIns} users in {warmUp.Elapsed.TotalSeconds:0.0} s, " +
                          $"{tokens.SignInTime.TotalMilliseconds / Math.Max(1, tokens.SignIns):0} ms per sign-in (before the clock starts)");
        Console.WriteLine(options.Duration is { } d
            ? $"running {options.Clients} clients for {d.TotalSeconds:0} s …"
            : $"running {options.Clients} clients × {options.CasesPerClient} cases …");

        var plan = new CasePlan(items, grids);
        var clock = Stopwatch.StartNew();
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = ReportProgressAsync(metrics, clock, progressStop.Token);
        var clients = Enumerable.Range(0, options.Clients).Select(_ => RunClientAsync(plan, tokens, metrics, clock, cancellationToken));
        var interrupted = false;
        try { await Task.WhenAll(clients); }
        catch (OperationCanceledException) { interrupted = true; }
        var elapsed = clock.Elapsed;
        await progressStop.CancelAsync();
        await progress;

        return new LoadResult(options.Clients, elapsed, metrics, interrupted);
    }

    private async Task RunClientAsync(CasePlan plan, TokenStore tokens, Metrics metrics, Stopwatch clock, CancellationToken cancellationToken)
    {
        // One HttpClient per client: each keeps its own connection, as separate users' browsers would.
        using var http = NewHttpClient(url);
        var loop = new ClosedLoop(new GridCaseClient(http, tokens, metrics.Errors), metrics);
        for (var n = 0; options.Duration is { } duration ? clock.Elapsed < duration : n < options.CasesPerClient; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool done;
            try { done = await loop.RunAsync(plan.Next(), cancellationToken, options.IntakeOnly); }
            catch (OperationCanceledException)
            {
                // Interrupted mid-case: the case did not reach Done and says so in the totals.
                metrics.CaseFinished(done: false);
                throw;
            }
            metrics.CaseFinished(done);
        }
    }

    private static async Task ReportProgressAsync(Metrics metrics, Stopwatch clock, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProgressEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0} s: cases done {metrics.CasesDone}, completions {metrics.Completions}, errors {metrics.Errors.Count}");
        }
        catch (OperationCanceledException) { }
    }

    public static HttpClient NewHttpClient(Uri url) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = url,
        // Long enough that only a stuck Host, not a slow moment under load, turns a call into an error.
        Timeout = TimeSpan.FromSeconds(60),
    };
}
