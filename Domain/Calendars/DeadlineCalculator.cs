namespace GridCase.Domain.Calendars;

/// <summary>
/// Deadline math for work items: due (截止时间), warning point (预警), and the clock stop of a
/// suspension (挂起). Pure functions of their inputs; the current time is always passed in.
/// </summary>
/// <remarks>
/// What a working limit means:
/// <list type="bullet">
/// <item>Days (<c>P1D</c>, <c>P3D</c>, <c>P2W</c> = 14 days) are whole working days: a start outside
/// working hours first moves to the next working period's start, then the deadline is the same clock
/// time on the n-th following working day (Monday 10:00 + P1D = Tuesday 10:00; Friday 16:00 + P1D =
/// Monday 16:00; the eve of a holiday + P1D = the same time on the first working day after it).
/// See <see cref="WorkingCalendar.AddWorkingDays"/>.</item>
/// <item>Hours and minutes (<c>PT5H</c>) are working time, counted period by period from that point;
/// a limit used up exactly at the end of a period is due at that end (12:00 or 17:30).
/// See <see cref="WorkingCalendar.AddWorkingTime"/>.</item>
/// <item>A mixed limit (<c>P1DT2H</c>) counts the days first, then the working time.</item>
/// </list>
/// A natural limit is plain elapsed time (start + duration, a day being 24 hours); the calendar only
/// supplies the offset of the result.
/// </remarks>
public static class DeadlineCalculator
{
    /// <summary>The deadline of <paramref name="limit"/> started at <paramref name="start"/>, in the calendar's offset.</summary>
    public static DateTimeOffset Due(WorkingCalendar calendar, DateTimeOffset start, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limit);
        var duration = limit.Duration;
        if (limit.Calendar == CalendarKind.Natural)
        {
            return (start + duration.ToNaturalTimeSpan()).ToOffset(calendar.UtcOffset);
        }

        var afterDays = duration.Days > 0 ? calendar.AddWorkingDays(start, duration.Days) : start;
        return calendar.AddWorkingTime(afterDays, duration.Time);
    }

    /// <summary>
    /// The instant at which <paramref name="ratio"/> of the time from <paramref name="start"/> to
    /// <paramref name="due"/> has elapsed, measured on <paramref name="kind"/> (so on a working
    /// calendar nights and holidays do not bring the warning closer). 1 returns <paramref name="due"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ratio"/> is not within 0..1.</exception>
    /// <exception cref="ArgumentException"><paramref name="due"/> is before <paramref name="start"/>.</exception>
    public static DateTimeOffset WarnAt(WorkingCalendar calendar, DateTimeOffset start, DateTimeOffset due, CalendarKind kind, double ratio)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!(ratio is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The warning ratio must be between 0 and 1.");
        }

        if (due < start)
        {
            throw new ArgumentException($"Due {due:O} is before start {start:O}.", nameof(due));
        }

        if (ratio == 1)
        {
            return due.ToOffset(calendar.UtcOffset);
        }

        return kind == CalendarKind.Natural
            ? (start + ((due - start) * ratio)).ToOffset(calendar.UtcOffset)
            : calendar.AddWorkingTime(start, calendar.WorkingTimeBetween(start, due) * ratio);
    }

    /// <summary>
    /// Time left from <paramref name="now"/> until <paramref name="due"/> on <paramref name="kind"/>:
    /// what a suspension stores so that <see cref="Resume"/> can give it back. Zero once due has passed
    /// (or when only non-working time is left before a due at the next opening).
    /// </summary>
    public static TimeSpan Remaining(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset due, CalendarKind kind)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (kind == CalendarKind.Natural)
        {
            return due > now ? due - now : TimeSpan.Zero;
        }

        return calendar.WorkingTimeBetween(now, due);
    }

    /// <summary>
    /// The new deadline when a suspended item resumes at <paramref name="resumedAt"/> with
    /// <paramref name="remaining"/> left (from <see cref="Remaining"/>).
    /// </summary>
    /// <remarks>
    /// On a working calendar this is the <em>latest</em> instant with that much working time after
    /// <paramref name="resumedAt"/>: when the time runs out exactly at the end of a period, the
    /// deadline is the start of the next working period. Otherwise a suspension that spans no working
    /// time (suspended Friday evening, resumed Sunday) could pull a "Monday 08:30" deadline back to
    /// "Friday 17:30" and make the item overdue over the weekend. The working time is identical either
    /// way; the item never gets less. A zero remainder likewise gives the next working instant, so an
    /// item that was already overdue when suspended should keep its original due instead of calling this.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="remaining"/> is negative.</exception>
    public static DateTimeOffset Resume(WorkingCalendar calendar, DateTimeOffset resumedAt, TimeSpan remaining, CalendarKind kind)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(remaining, TimeSpan.Zero);
        if (kind == CalendarKind.Natural)
        {
            return (resumedAt + remaining).ToOffset(calendar.UtcOffset);
        }

        return calendar.NextWorkingInstant(calendar.AddWorkingTime(resumedAt, remaining));
    }
}
