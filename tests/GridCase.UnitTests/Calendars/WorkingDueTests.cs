using GridCase.Domain.Calendars;
using static GridCase.UnitTests.Calendars.CalendarTestData;

namespace GridCase.UnitTests.Calendars;

/// <summary>Due dates of working limits on the 2026 calendar, default hours 08:30–12:00 / 14:00–17:30.</summary>
public sealed class WorkingDueTests
{
    private static string Due(string start, string iso) =>
        Show(DeadlineCalculator.Due(China2026, At(start), new TimeLimit(iso, CalendarKind.Working)));

    [Theory]
    // Friday 15:00–17:30 uses 2h30m, the weekend does not count, Monday 08:30 + 2h30m.
    [InlineData("2026-03-13T15:00:00+08:00", "PT5H", "2026-03-16T11:00:00+08:00")]
    // Whole day: the same clock time on the next working day.
    [InlineData("2026-03-13T16:00:00+08:00", "P1D", "2026-03-16T16:00:00+08:00")]
    public void A_limit_started_on_Friday_afternoon_runs_into_Monday(string start, string iso, string expected) =>
        Assert.Equal(expected, Due(start, iso));

    [Theory]
    // 16:00–17:30 on the eve (1h30m), 1–7 October off, 8 October 08:30 + 3h30m ends exactly at noon.
    [InlineData("2026-09-30T16:00:00+08:00", "PT5H", "2026-10-08T12:00:00+08:00")]
    [InlineData("2026-09-30T16:00:00+08:00", "PT2H", "2026-10-08T09:00:00+08:00")]
    [InlineData("2026-09-30T16:00:00+08:00", "P1D", "2026-10-08T16:00:00+08:00")]
    // Started during the holiday: counting begins at the first opening after it.
    [InlineData("2026-10-03T10:00:00+08:00", "PT1H", "2026-10-08T09:30:00+08:00")]
    public void The_eve_of_Golden_Week_lands_after_the_holiday(string start, string iso, string expected) =>
        Assert.Equal(expected, Due(start, iso));

    [Theory]
    // Saturday 10 October 2026 is a make-up working day (国庆节调休上班).
    [InlineData("2026-10-09T16:00:00+08:00", "PT5H", "2026-10-10T12:00:00+08:00")]
    [InlineData("2026-10-09T10:00:00+08:00", "P1D", "2026-10-10T10:00:00+08:00")]
    [InlineData("2026-10-10T10:00:00+08:00", "P1D", "2026-10-12T10:00:00+08:00")]
    // Sunday 20 September 2026 is one too: a Saturday start resumes on Sunday morning.
    [InlineData("2026-09-19T10:00:00+08:00", "PT1H", "2026-09-20T09:30:00+08:00")]
    public void A_make_up_weekend_day_counts_as_a_working_day(string start, string iso, string expected) =>
        Assert.Equal(expected, Due(start, iso));

    [Theory]
    // Lunch break: counting starts at 14:00.
    [InlineData("2026-03-09T12:30:00+08:00", "PT1H", "2026-03-09T15:00:00+08:00")]
    [InlineData("2026-03-09T12:00:00+08:00", "PT1H", "2026-03-09T15:00:00+08:00")]
    // Before opening, at night, at the close.
    [InlineData("2026-03-09T07:00:00+08:00", "PT1H", "2026-03-09T09:30:00+08:00")]
    [InlineData("2026-03-09T20:00:00+08:00", "PT1H", "2026-03-10T09:30:00+08:00")]
    [InlineData("2026-03-09T17:30:00+08:00", "PT30M", "2026-03-10T09:00:00+08:00")]
    // Sunday: Monday morning.
    [InlineData("2026-03-15T10:00:00+08:00", "PT1H", "2026-03-16T09:30:00+08:00")]
    // Days: the start first moves to the next opening, then the same clock time one working day on.
    [InlineData("2026-03-09T12:30:00+08:00", "P1D", "2026-03-10T14:00:00+08:00")]
    [InlineData("2026-03-15T10:00:00+08:00", "P1D", "2026-03-17T08:30:00+08:00")]
    [InlineData("2026-03-13T20:00:00+08:00", "P1D", "2026-03-17T08:30:00+08:00")]
    public void A_start_outside_working_hours_moves_to_the_next_working_period(string start, string iso, string expected) =>
        Assert.Equal(expected, Due(start, iso));

    [Theory]
    [InlineData("2026-03-09T10:00:00+08:00", "P3D", "2026-03-12T10:00:00+08:00")]
    [InlineData("2026-03-13T10:00:00+08:00", "P3D", "2026-03-18T10:00:00+08:00")]
    // 15 working days across Mid-Autumn and Golden Week: 22–24 Sep (3), 25 Sep off, 28–30 Sep (6),
    // 1–7 Oct off, 8–9 Oct (8), Sat 10 Oct make-up (9), 12–16 Oct (14), 19 Oct (15).
    [InlineData("2026-09-21T10:00:00+08:00", "P15D", "2026-10-19T10:00:00+08:00")]
    // Across the Spring Festival: 13 Feb, Sat 14 Feb make-up, then 24 Feb.
    [InlineData("2026-02-12T10:00:00+08:00", "P3D", "2026-02-24T10:00:00+08:00")]
    // ISO weeks are 7 days each, so P2W is 14 working days.
    [InlineData("2026-03-09T10:00:00+08:00", "P2W", "2026-03-27T10:00:00+08:00")]
    // Days first (Tuesday 16:00), then 2 working hours (1h30m Tuesday, 30m Wednesday).
    [InlineData("2026-03-09T16:00:00+08:00", "P1DT2H", "2026-03-11T09:00:00+08:00")]
    [InlineData("2026-03-09T08:30:00+08:00", "PT3H30M", "2026-03-09T12:00:00+08:00")]
    public void Multi_day_working_limits(string start, string iso, string expected) =>
        Assert.Equal(expected, Due(start, iso));

    [Fact]
    public void N_working_days_hold_exactly_N_working_days_of_working_time()
    {
        foreach (var start in new[] { "2026-03-09T10:00:00+08:00", "2026-03-09T15:45:00+08:00", "2026-09-28T11:59:00+08:00" })
        {
            var due = DeadlineCalculator.Due(China2026, At(start), new TimeLimit("P15D", CalendarKind.Working));
            Assert.Equal(TimeSpan.FromHours(7 * 15), China2026.WorkingTimeBetween(At(start), due));
        }
    }

    [Fact]
    public void A_start_in_another_offset_is_read_on_the_calendar_clock_and_answered_in_its_offset()
    {
        // 07:00 UTC is Friday 15:00 in Beijing.
        var due = DeadlineCalculator.Due(China2026, At("2026-03-13T07:00:00Z"), PT5H);

        Assert.Equal("2026-03-16T11:00:00+08:00", Show(due));
    }
}
