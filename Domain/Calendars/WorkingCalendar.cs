using System.Collections.Frozen;

namespace GridCase.Domain.Calendars;

/// <summary>
/// When work happens: daily working hours, weekends, public holidays and make-up working days
/// (调休上班), in one fixed UTC offset. Immutable and safe to share.
/// </summary>
/// <remarks>
/// <para>
/// All day and hour logic happens in the calendar's offset (default +08:00; China has no daylight
/// saving, so a fixed offset is exact). Inputs may carry any offset; results are returned in the
/// calendar's offset.
/// </para>
/// <para>
/// A day is a working day when it is a make-up working day, or a Monday–Friday that is not a
/// holiday. Years without loaded data fall back to that weekday rule rather than failing, because a
/// deadline must always be computable; <see cref="HasDataFor"/> lets callers warn that a year's
/// holiday data is missing.
/// </para>
/// <para>
/// Working periods are half-open: with hours 08:30–12:00 and 14:00–17:30, 12:00 itself is already
/// lunch and 17:30 is already evening.
/// </para>
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>China Standard Time.</summary>
    public static readonly TimeSpan DefaultUtcOffset = TimeSpan.FromHours(8);

    /// <summary>Office hours of a Chinese government department: 08:30–12:00 and 14:00–17:30.</summary>
    public static readonly IReadOnlyList<WorkingPeriod> DefaultHours =
    [
        new(new TimeOnly(8, 30), new TimeOnly(12, 0)),
        new(new TimeOnly(14, 0), new TimeOnly(17, 30)),
    ];

    // Longer than any real run of days off; only a calendar whose data marks everything a holiday hits it.
    private const int MaxConsecutiveDaysOff = 366;

    private readonly FrozenSet<DateOnly> holidays;
    private readonly FrozenSet<DateOnly> makeUpWorkdays;
    private readonly FrozenSet<int> years;
    private readonly (TimeSpan Start, TimeSpan End)[] periods;

    private WorkingCalendar(
        IEnumerable<DateOnly> holidays,
        IEnumerable<DateOnly> makeUpWorkdays,
        IEnumerable<int> years,
        IReadOnlyList<WorkingPeriod> hours,
        TimeSpan utcOffset,
        bool alwaysOpen)
    {
        this.holidays = holidays.ToFrozenSet();
        this.makeUpWorkdays = makeUpWorkdays.ToFrozenSet();
        this.years = years.ToFrozenSet();
        Hours = hours;
        periods = [.. hours.Select(p => (p.StartOffset, p.EndOffset))];
        WorkingDayLength = hours.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Length);
        UtcOffset = utcOffset;
        IsAlwaysOpen = alwaysOpen;
    }

    /// <summary>Daily working periods, sorted, non-overlapping, adjacent ones merged.</summary>
    public IReadOnlyList<WorkingPeriod> Hours { get; }

    /// <summary>Working time in one working day (7 hours by default).</summary>
    public TimeSpan WorkingDayLength { get; }

    public TimeSpan UtcOffset { get; }

    /// <summary>True for a 24/7 calendar: every instant is working time.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>Years for which holiday data was loaded.</summary>
    public IReadOnlyCollection<int> Years => years;

    /// <summary>
    /// A calendar from official holiday data. Defaults: hours 08:30–12:00 and 14:00–17:30,
    /// Saturday and Sunday off unless a make-up working day, offset +08:00.
    /// </summary>
    /// <exception cref="ArgumentException">Bad or duplicate year data, overlapping or empty hours, or an invalid offset.</exception>
    public static WorkingCalendar Create(IEnumerable<CalendarYear> years, IReadOnlyList<WorkingPeriod>? hours = null, TimeSpan? utcOffset = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        var offset = CheckOffset(utcOffset ?? DefaultUtcOffset);
        var normalizedHours = NormalizeHours(hours ?? DefaultHours);

        var loaded = new HashSet<int>();
        var holidays = new List<DateOnly>();
        var makeUps = new List<DateOnly>();
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year, nameof(years));
            if (year.FindProblem() is { } problem)
            {
                throw new ArgumentException($"Calendar data for {year.Year}: {problem}", nameof(years));
            }

            if (!loaded.Add(year.Year))
            {
                throw new ArgumentException($"Calendar data for {year.Year} is given twice.", nameof(years));
            }

            holidays.AddRange(year.Holidays.Select(d => d.Date));
            makeUps.AddRange(year.MakeUpWorkdays.Select(d => d.Date));
        }

        return new WorkingCalendar(holidays, makeUps, loaded, normalizedHours, offset, alwaysOpen: false);
    }

    /// <summary>A 24/7 calendar for teams on call around the clock (emergency, sensor alerts): every day, every hour.</summary>
    public static WorkingCalendar AlwaysOpen(TimeSpan? utcOffset = null) =>
        new([], [], [], [new WorkingPeriod(TimeOnly.MinValue, TimeOnly.MinValue)], CheckOffset(utcOffset ?? DefaultUtcOffset), alwaysOpen: true);

    /// <summary>True when holiday data for <paramref name="year"/> was loaded (always true when always open).</summary>
    public bool HasDataFor(int year) => IsAlwaysOpen || years.Contains(year);

    public bool IsWorkingDay(DateOnly date) =>
        IsAlwaysOpen
        || makeUpWorkdays.Contains(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date));

    /// <summary>True when <paramref name="instant"/> falls inside a working period of a working day.</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = Local(instant);
        var date = DateOnly.FromDateTime(local);
        if (!IsWorkingDay(date))
        {
            return false;
        }

        var time = local.TimeOfDay;
        return periods.Any(p => p.Start <= time && time < p.End);
    }

    /// <summary>
    /// <paramref name="instant"/> itself when it is working time, otherwise the start of the next
    /// working period (so 12:30 becomes 14:00, Friday 18:00 becomes Monday 08:30).
    /// </summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var cursor = Local(instant);
        var day = DateOnly.FromDateTime(cursor);
        var daysOff = 0;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                var midnight = day.ToDateTime(TimeOnly.MinValue);
                foreach (var (start, end) in periods)
                {
                    if (cursor < midnight + end)
                    {
                        return FromLocal(Max(cursor, midnight + start));
                    }
                }
            }
            else
            {
                GuardDaysOff(++daysOff, day);
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>
    /// The earliest instant at which <paramref name="workingDuration"/> of working time has elapsed
    /// since <paramref name="start"/>. Time outside working hours does not count, so a start at
    /// lunch or at night effectively begins at the next working period.
    /// </summary>
    /// <remarks>
    /// "Earliest" means a limit used up exactly at the end of a period is due at that end
    /// (08:30 + 3h30m is 12:00 the same day, not 14:00). Zero returns <paramref name="start"/>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDuration"/> is negative.</exception>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDuration, TimeSpan.Zero);
        if (IsAlwaysOpen || workingDuration == TimeSpan.Zero)
        {
            return (start + workingDuration).ToOffset(UtcOffset);
        }

        var cursor = Local(start);
        var remaining = workingDuration;
        var day = DateOnly.FromDateTime(cursor);
        var daysOff = 0;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                daysOff = 0;
                var midnight = day.ToDateTime(TimeOnly.MinValue);
                foreach (var (periodStart, periodEnd) in periods)
                {
                    var from = Max(cursor, midnight + periodStart);
                    var to = midnight + periodEnd;
                    if (to <= from)
                    {
                        continue;
                    }

                    if (remaining <= to - from)
                    {
                        return FromLocal(from + remaining);
                    }

                    remaining -= to - from;
                }
            }
            else
            {
                GuardDaysOff(++daysOff, day);
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>Working time inside <c>[from, to)</c>; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var a = Local(from);
        var b = Local(to);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(a); day <= DateOnly.FromDateTime(b); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var midnight = day.ToDateTime(TimeOnly.MinValue);
            foreach (var (periodStart, periodEnd) in periods)
            {
                var overlapStart = Max(a, midnight + periodStart);
                var overlapEnd = Min(b, midnight + periodEnd);
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// Counts whole working days, the convention of this system for "n working days":
    /// a start outside working hours first moves to the start of the next working period
    /// (<see cref="NextWorkingInstant"/>); the result is the same clock time on the n-th following
    /// working day. So Monday 10:00 + 1 is Tuesday 10:00, Friday 16:00 + 1 is Monday 16:00,
    /// Monday 12:30 + 1 is Tuesday 14:00 and Saturday 10:00 + 1 is Tuesday 08:30 (Monday 08:30, then
    /// one day). Because every working day has the same hours, n working days always hold exactly
    /// n × <see cref="WorkingDayLength"/> of working time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var begin = Local(NextWorkingInstant(start));
        var day = DateOnly.FromDateTime(begin);
        for (var i = 0; i < days; i++)
        {
            day = day.AddDays(1);
            for (var daysOff = 1; !IsWorkingDay(day); daysOff++)
            {
                GuardDaysOff(daysOff, day);
                day = day.AddDays(1);
            }
        }

        return FromLocal(day.ToDateTime(TimeOnly.MinValue) + begin.TimeOfDay);
    }

    private DateTime Local(DateTimeOffset instant) => instant.ToOffset(UtcOffset).DateTime;

    private DateTimeOffset FromLocal(DateTime local) => new(local, UtcOffset);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static void GuardDaysOff(int daysOff, DateOnly day)
    {
        if (daysOff > MaxConsecutiveDaysOff)
        {
            throw new InvalidOperationException(
                $"The working calendar has no working day in the {MaxConsecutiveDaysOff} days up to {day:yyyy-MM-dd}; check the holiday data.");
        }
    }

    private static TimeSpan CheckOffset(TimeSpan offset)
    {
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14))
        {
            throw new ArgumentException($"UTC offset {offset} must be whole minutes between -14:00 and +14:00.", "utcOffset");
        }

        return offset;
    }

    private static List<WorkingPeriod> NormalizeHours(IReadOnlyList<WorkingPeriod> hours)
    {
        var sorted = hours
            .Select(p => p ?? throw new ArgumentException("A working period is missing.", nameof(hours)))
            .OrderBy(p => p.StartOffset)
            .ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A working calendar needs at least one working period.", nameof(hours));
        }

        var merged = new List<WorkingPeriod>();
        foreach (var period in sorted)
        {
            if (period.Length <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Working period {period} is empty or crosses midnight; write a period ending at midnight as ending at 00:00.", nameof(hours));
            }

            if (merged.Count > 0 && period.StartOffset < merged[^1].EndOffset)
            {
                throw new ArgumentException($"Working periods {merged[^1]} and {period} overlap.", nameof(hours));
            }

            // Adjacent periods are one period; keeping them apart would make their join look like a break.
            if (merged.Count > 0 && period.StartOffset == merged[^1].EndOffset)
            {
                merged[^1] = merged[^1] with { End = period.End };
            }
            else
            {
                merged.Add(period);
            }
        }

        return merged;
    }
}
