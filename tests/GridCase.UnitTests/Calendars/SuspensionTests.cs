using GridCase.Domain.Calendars;
using static GridCase.UnitTests.Calendars.CalendarTestData;

namespace GridCase.UnitTests.Calendars;

/// <summary>Suspension (挂起) stops the clock: Remaining at suspension, Resume with it later.</summary>
public sealed class SuspensionTests
{
    [Fact]
    public void A_working_limit_keeps_its_remaining_working_time_across_a_suspension()
    {
        var start = At("2026-03-09T10:00:00+08:00");
        var due = DeadlineCalculator.Due(China2026, start, new TimeLimit("P3D", CalendarKind.Working));
        Assert.Equal("2026-03-12T10:00:00+08:00", Show(due));

        // Suspended Tuesday 11:00: Tue 1h + 3h30m, Wed 7h, Thu 1h30m.
        var remaining = DeadlineCalculator.Remaining(China2026, At("2026-03-10T11:00:00+08:00"), due, CalendarKind.Working);
        Assert.Equal(TimeSpan.FromHours(13), remaining);

        // Resumed next Monday 09:00: Mon 3h + 3h30m, Tue 3h30m + 3h.
        var newDue = DeadlineCalculator.Resume(China2026, At("2026-03-16T09:00:00+08:00"), remaining, CalendarKind.Working);
        Assert.Equal("2026-03-17T17:00:00+08:00", Show(newDue));
    }

    [Fact]
    public void A_suspension_across_a_holiday_resumes_after_it()
    {
        // Suspended on the eve of Golden Week with 2h left, resumed on National Day itself.
        var newDue = DeadlineCalculator.Resume(China2026, At("2026-10-02T10:00:00+08:00"), TimeSpan.FromHours(2), CalendarKind.Working);

        Assert.Equal("2026-10-08T10:30:00+08:00", Show(newDue));
    }

    [Fact]
    public void A_suspension_spanning_no_working_time_leaves_the_due_where_it_was()
    {
        var due = DeadlineCalculator.Due(China2026, At("2026-03-13T14:00:00+08:00"), new TimeLimit("P1D", CalendarKind.Working));
        Assert.Equal("2026-03-16T14:00:00+08:00", Show(due));

        // Friday evening to Sunday afternoon: 3h30m left (Monday morning) before and after.
        var remaining = DeadlineCalculator.Remaining(China2026, At("2026-03-13T18:00:00+08:00"), due, CalendarKind.Working);
        var newDue = DeadlineCalculator.Resume(China2026, At("2026-03-15T15:00:00+08:00"), remaining, CalendarKind.Working);

        Assert.Equal(TimeSpan.FromMinutes(210), remaining);
        // Not Monday 12:00: the lunch break before a 14:00 due is given back, never taken away.
        Assert.Equal("2026-03-16T14:00:00+08:00", Show(newDue));
    }

    [Theory]
    [InlineData("2026-03-10T08:30:00+08:00")]
    [InlineData("2026-03-10T10:15:00+08:00")]
    [InlineData("2026-03-10T14:00:00+08:00")]
    [InlineData("2026-10-08T16:00:00+08:00")]
    public void Suspending_and_resuming_at_once_changes_nothing_for_a_due_in_working_time(string dueText)
    {
        var due = At(dueText);
        foreach (var now in new[] { "2026-03-09T09:00:00+08:00", "2026-03-09T12:45:00+08:00", "2026-03-09T22:00:00+08:00" })
        {
            var remaining = DeadlineCalculator.Remaining(China2026, At(now), due, CalendarKind.Working);

            Assert.Equal(dueText, Show(DeadlineCalculator.Resume(China2026, At(now), remaining, CalendarKind.Working)));
        }
    }

    [Fact]
    public void A_natural_limit_keeps_its_remaining_elapsed_time()
    {
        // PT24H from Monday 10:00 is due Tuesday 10:00; suspended Monday 16:00 with 18h left.
        var remaining = DeadlineCalculator.Remaining(China2026, At("2026-03-09T16:00:00+08:00"), At("2026-03-10T10:00:00+08:00"), CalendarKind.Natural);
        var newDue = DeadlineCalculator.Resume(China2026, At("2026-03-11T09:00:00+08:00"), remaining, CalendarKind.Natural);

        Assert.Equal(TimeSpan.FromHours(18), remaining);
        Assert.Equal("2026-03-12T03:00:00+08:00", Show(newDue));
    }

    [Theory]
    [InlineData(CalendarKind.Working)]
    [InlineData(CalendarKind.Natural)]
    public void Nothing_remains_once_the_due_has_passed(CalendarKind kind) =>
        Assert.Equal(TimeSpan.Zero, DeadlineCalculator.Remaining(China2026, At("2026-03-10T11:00:00+08:00"), At("2026-03-10T10:00:00+08:00"), kind));

    [Fact]
    public void A_negative_remainder_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeadlineCalculator.Resume(China2026, At("2026-03-10T11:00:00+08:00"), TimeSpan.FromHours(-1), CalendarKind.Working));
}
