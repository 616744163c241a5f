using System.Diagnostics;
using GridCase.Load;

namespace GridCase.Bench;

/// <summary>
/// The whole table in one run: the Host on a fresh SQLite file (or PostgreSQL database) for intake and the closed loop;
/// stopped, bulk-seeded with N cases and M pending deadlines, started again for the queries and the timers; then, with
/// no Host running, the engine alone and the raw durable transaction rate on the same disk or server.
/// </summary>
public sealed class BenchRun(BenchOptions options, DirectoryInfo repo, string folder, IBenchStore store)
{
    private const string SeededPrefix = "BENCH-";
    private const string TimerPrefix = "TIMER-";
    // The seeded database: one case in ten still open, half of those on the supervisors' list; their deadlines
    // lie a month ahead, so the only timers due during the run are the timer row's own.
    private const int OpenEvery = 10;
    private const int SuperviseEvery = 2;
    private static readonly TimeSpan OpenDeadlinesAhead = TimeSpan.FromDays(30);
    private static readonly TimeSpan FirstStartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan SeededStartTimeout = TimeSpan.FromMinutes(20);

    private readonly BenchTable _table = new();
    private IReadOnlyDictionary<string, string> Environment => store.HostEnvironment;

    public async Task<BenchTable> ExecuteAsync(CancellationToken cancellationToken)
    {
        var dll = HostProcess.FindDll(repo);
        Console.WriteLine($"host: {Path.GetRelativePath(repo.FullName, dll)} (built {File.GetLastWriteTime(dll):yyyy-MM-dd HH:mm})");

        var (firstStart, firstPeak, completionsPerSecond) = await HttpPhasesAsync(dll, cancellationToken);
        var (secondPeak, timerItems) = await SeededPhasesAsync(dll, firstStart, cancellationToken);

        var (lag, fired, expected) = await store.TimerLagAsync(TimerPrefix, timerItems, cancellationToken);
        _table.Add($"5. timer lag, {timerItems:N0} pending deadlines", $"p50 {lag.P50 / 1000:0.00} s, p99 {lag.P99 / 1000:0.00} s ({fired:N0} of {expected:N0} fired)",
            "p99 ≤ 2 s", fired == expected && lag.P99 <= 2000);
        var peak = Math.Max(firstPeak ?? 0, secondPeak ?? 0);
        _table.Add("6. Host peak RSS (VmHWM)", peak == 0 ? "not readable" : $"{peak / 1048576.0:0} MB", "≤ 500 MB", peak == 0 ? null : peak <= 500L * 1048576);

        var engine = store.Engine;
        var one = await engine.WorkflowsPerSecondAsync(1, options.EnginePhase, cancellationToken);
        _table.Add($"7. engine alone, durable {store.Label}, concurrency 1", $"{one:0} workflows/s");
        var four = await engine.WorkflowsPerSecondAsync(4, options.EnginePhase, cancellationToken);
        _table.Add($"7. engine alone, durable {store.Label}, concurrency 4", $"{four:0} workflows/s", "≥ 2,000/s", four >= 2000);

        var (raw, settings) = await store.RawRateAsync(options.EnginePhase, cancellationToken);
        _table.Add($"8. raw durable {store.Label} transactions ({settings})", $"{raw:0} commits/s");
        var ratio = completionsPerSecond / raw;
        _table.Add("8. ratio completions (2) / raw commits", $"{ratio:P1}", "≥ 25%", ratio >= 0.25);
        return _table;
    }

    /// <summary>Rows 1–3 on a fresh database, which also leaves the cases the seeding copies.</summary>
    private async Task<(TimeSpan Start, long? Peak, double CompletionsPerSecond)> HttpPhasesAsync(string dll, CancellationToken cancellationToken)
    {
        await using var host = HostProcess.Start(dll, HostProcess.FreeLocalUrl(), folder, Environment);
        var start = await WaitHealthyAsync(host, FirstStartTimeout, cancellationToken);

        Console.WriteLine("phase: intake (report only)");
        var intake = await new LoadRun(new LoadOptions(host.Url, true, options.Clients, 1, options.Phase, false, IntakeOnly: true), host.Url, repo)
            .ExecuteAsync(cancellationToken);
        var report = intake.Metrics.Report.Summarize();
        var intakeRate = report.Count / intake.Elapsed.TotalSeconds;
        _table.Add("1. intake POST /api/cases", $"{intakeRate:0} cases/s, p50 {report.P50:0} ms, p99 {report.P99:0} ms, errors {intake.Metrics.Errors.Count}",
            "≥ 500/s", intakeRate >= 500);

        Console.WriteLine("phase: closed loop (report → accept → dispatch → handle → verify → evaluate)");
        var loop = await new LoadRun(new LoadOptions(host.Url, true, options.Clients, 1, options.Phase, false), host.Url, repo).ExecuteAsync(cancellationToken);
        // The load program's own breakdown (per stage), for whoever profiles against this run.
        Console.WriteLine(loop.Format());
        var complete = loop.Metrics.Complete.Summarize();
        var completions = complete.Count / loop.Elapsed.TotalSeconds;
        _table.Add("2. work-item completions", $"{completions:0} tasks/s, p50 {complete.P50:0} ms, p99 {complete.P99:0} ms, errors {loop.Metrics.Errors.Count}",
            "≥ 1,000/s, p99 ≤ 50 ms", completions >= 1000 && complete.P99 <= 50);
        var lifecycles = loop.Metrics.CasesDone / loop.Elapsed.TotalSeconds;
        _table.Add("3. full lifecycles", $"{lifecycles:0.0} cases/s ({loop.Metrics.CasesDone} done)", "≥ 100/s", lifecycles >= 100);
        return (start, host.PeakResidentBytes(), completions);
    }

    /// <summary>Rows 4 and 5: N copied cases and M pending deadlines written while the Host is stopped, then the Host started on them.</summary>
    private async Task<(long? Peak, int TimerItems)> SeededPhasesAsync(string dll, TimeSpan firstStart, CancellationToken cancellationToken)
    {
        var seeder = store.Seeder;
        var templates = await seeder.ReadTemplatesAsync(250, cancellationToken);
        Console.WriteLine($"phase: seeding {options.Cases:N0} cases from {templates.Count} the Host wrote, then {options.Deadlines:N0} pending deadlines");
        var ahead = DateTimeOffset.UtcNow + OpenDeadlinesAhead;
        await seeder.SeedAsync(templates, options.Cases, SeededPrefix, OpenEvery, SuperviseEvery, _ => ahead, TimeSpan.FromDays(1), cancellationToken);

        // The deadlines fall inside the run: the first a margin after the Host should be up again (its first start,
        // plus the time to read N cases and schedule every pending timer, both grown from small runs), the last one
        // phase later; overdue follows one phase after warning.
        var firstInstant = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20) + 3 * firstStart
                           + TimeSpan.FromSeconds(options.Deadlines / 5000.0 + options.Cases / 20000.0);
        var spread = options.Phase;
        DateTimeOffset Instant(int i) => firstInstant + spread * i / options.Deadlines;
        await seeder.SeedAsync(templates, options.Deadlines, TimerPrefix, openEvery: 1, superviseEvery: 0, Instant, spread, cancellationToken);

        await using var host = HostProcess.Start(dll, HostProcess.FreeLocalUrl(), folder, Environment);
        var started = await WaitHealthyAsync(host, SeededStartTimeout, cancellationToken);
        if (DateTimeOffset.UtcNow > firstInstant)
            Console.WriteLine($"  note: the Host took {started.TotalSeconds:0} s to start, after the first deadline; their lag includes that start");

        // Every deadline's warning and overdue, and a grace for the last to be journaled; the queries wait for
        // them, so that neither row measures the other's load.
        var end = firstInstant + spread * 2 + TimeSpan.FromSeconds(10);
        Console.WriteLine($"phase: timers, waiting until {end:HH:mm:ss} UTC for the last overdue");
        var wait = end - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);

        using var http = LoadRun.NewHttpClient(host.Url);
        var errors = new ErrorLog();
        var api = new GridCaseClient(http, new TokenStore(http, LoadRun.DemoPassword, errors), errors);
        var queries = new QueryLatency(api);
        // Enough for a p99 without letting a slow list (seconds a page at 1M cases) stretch the run by many minutes.
        var calls = options.Quick ? 50 : 100;
        var n = options.Cases + options.Deadlines;
        foreach (var (name, path, user) in new[]
                 {
                     ("inbox", "/api/inbox/Claimable?page=1&pageSize=20", "acceptor"),
                     ("case list", "/api/cases?page=1&pageSize=20", "dispatcher"),
                     ("supervision list", "/api/supervision?page=1&pageSize=20", "dispatcher"),
                 })
        {
            var (s, total) = await queries.MeasureAsync(path, user, calls, cancellationToken);
            _table.Add($"4. {name} at {n:N0} cases (GET {path.Split('?')[0]})", $"p50 {s.P50:0.0} ms, p99 {s.P99:0.0} ms (list total {total:N0})",
                "p99 ≤ 20 ms", s.P99 <= 20);
        }
        return (host.PeakResidentBytes(), options.Deadlines);
    }

    private static async Task<TimeSpan> WaitHealthyAsync(HostProcess host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var probe = LoadRun.NewHttpClient(host.Url);
        await host.WaitHealthyAsync(probe, timeout, cancellationToken);
        Console.WriteLine($"host: pid {host.ProcessId} healthy on {host.Url} after {clock.Elapsed.TotalSeconds:0.0} s");
        return clock.Elapsed;
    }
}
