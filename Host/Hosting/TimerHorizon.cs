using System.Collections.Concurrent;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Hosting;

/// <summary>
/// Which pending timer instants Hangfire holds as jobs. Durable storage (SQL Server, PostgreSQL) keeps every timer's own
/// job, scheduled when its row commits, across restarts and nodes. In-memory storage holds only the next
/// <see cref="TimerOptions.Horizon"/>, and not a job per timer but one run of the timer's sweep per whole second at which
/// something falls due: 100,000 deadlines cost a few hundred jobs, not 200,000, and a start schedules only the next
/// window. Every minute <see cref="TimerHorizonJob"/> moves the horizon on and schedules the new window from the rows.
/// </summary>
public sealed class TimerHorizon(JobStorage storage, IBackgroundJobClient jobs, TimeProvider clock, IOptions<TimerOptions> options)
{
    private long _loadedUntil = DateTimeOffset.MinValue.UtcTicks;
    private readonly ConcurrentDictionary<(Type Sweep, long Second), byte> _scheduled = new();

    /// <summary>Whether Hangfire keeps every timer's job itself (durable storage): then nothing here is used.</summary>
    public bool HoldsEveryTimer => storage is not InMemoryStorage;

    /// <summary>
    /// After a commit that wrote a pending instant: a run of <typeparamref name="TSweep"/> at that instant when it lies within
    /// the loaded horizon (at most one per sweep and second); a later one is scheduled when its window is loaded.
    /// </summary>
    public void SweepAt<TSweep>(DateTimeOffset instant) where TSweep : class, ISweep
    {
        // Read before the row's instant is compared: Advance sets the new end before it reads the rows, so an instant
        // this misses was committed before that read and is in the window it schedules.
        if (instant.UtcTicks > Volatile.Read(ref _loadedUntil)) return;
        var at = JobInstants.NotBefore(instant);
        if (at <= clock.GetUtcNow())
        {
            // Due already (a write that lands on a passed instant): a run now; a second a run for that second had would be past it.
            jobs.Enqueue<TSweep>(s => s.RunAsync(CancellationToken.None));
            return;
        }
        if (_scheduled.TryAdd((typeof(TSweep), at.UtcTicks), 0))
            jobs.Schedule<TSweep>(s => s.RunAsync(CancellationToken.None), at);
    }

    /// <summary>The instants of a window just read: a run at each second of them, and one run now for any already due.</summary>
    public void SweepAt<TSweep>(IEnumerable<DateTimeOffset> instants) where TSweep : class, ISweep
    {
        var now = clock.GetUtcNow();
        var due = false;
        foreach (var instant in instants)
            if (JobInstants.NotBefore(instant) <= now) due = true;
            else SweepAt<TSweep>(instant);
        if (due) jobs.Enqueue<TSweep>(s => s.RunAsync(CancellationToken.None));
    }

    /// <summary>
    /// Moves the end of the horizon to now + <see cref="TimerOptions.Horizon"/> before the caller reads the rows of the
    /// window, and answers the window: instants after <c>After</c> (null on the first load: every pending one) up to <c>Until</c>.
    /// </summary>
    public (DateTimeOffset? After, DateTimeOffset Until) Advance()
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.Horizon;
        var before = Interlocked.Exchange(ref _loadedUntil, until.UtcTicks);
        var stale = (now - TimeSpan.FromMinutes(1)).UtcTicks;
        foreach (var key in _scheduled.Keys.Where(k => k.Second < stale)) _scheduled.TryRemove(key, out _);
        return (before == DateTimeOffset.MinValue.UtcTicks ? null : new DateTimeOffset(before, TimeSpan.Zero), until);
    }

    /// <summary>A load that failed: the window goes back to be loaded next time (unless another load moved on meanwhile).</summary>
    public void GiveBack(DateTimeOffset? after, DateTimeOffset until) =>
        Interlocked.CompareExchange(ref _loadedUntil, after?.UtcTicks ?? DateTimeOffset.MinValue.UtcTicks, until.UtcTicks);
}

/// <summary>Timers:* configuration.</summary>
public sealed class TimerOptions
{
    public const string Section = "Timers";

    /// <summary>
    /// How far ahead in-memory Hangfire storage holds pending instants as jobs. It is loaded again every minute, so it must
    /// reach past the next load: at least 70 seconds.
    /// </summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When the sweeps (SLA timers, workflow timers, notifications) look for what is due and no job fired.</summary>
    public string SweepCron { get; set; } = Cron.Minutely();

    /// <summary>How many due SLA instants one transaction fires.</summary>
    public int BatchSize { get; set; } = 200;
}
