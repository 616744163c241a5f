namespace GridCase.Host.Hosting;

/// <summary>The instant to give Hangfire for a job that must not run before a given instant.</summary>
public static class JobInstants
{
    /// <summary>
    /// Hangfire keeps schedule times in whole seconds, rounded down: a job for 10:00:04.7 would run at
    /// 10:00:04, find it is not yet time, and leave the rest to the sweep. Rounding up makes it run once, on time.
    /// </summary>
    public static DateTimeOffset NotBefore(DateTimeOffset instant)
    {
        var remainder = instant.UtcTicks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? instant : instant.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }
}
