using GridCase.Domain.Calendars;
using static GridCase.UnitTests.Calendars.CalendarTestData;

namespace GridCase.UnitTests.Calendars;

public sealed class WarnAtTests
{
    [Theory]
    // PT5H from 08:30 is due 15:30; 80% = 4h: the morning (3h30m) and 30 minutes after lunch.
    [InlineData("2026-03-09T08:30:00+08:00", "2026-03-09T15:30:00+08:00", "2026-03-09T14:30:00+08:00")]
    // Golden Week: 1h30m on the eve, 2h30m on 8 October; the holiday does not bring the warning closer.
    [InlineData("2026-09-30T16:00:00+08:00", "2026-10-08T12:00:00+08:00", "2026-10-08T11:00:00+08:00")]
    // P1D: 80% of 7h is 5h36m, six minutes into the next morning.
    [InlineData("2026-03-09T10:00:00+08:00", "2026-03-10T10:00:00+08:00", "2026-03-10T08:36:00+08:00")]
    public void Working_warning_at_80_percent_of_working_time(string start, string due, string expected) =>
        Assert.Equal(expected, Show(DeadlineCalculator.WarnAt(China2026, At(start), At(due), CalendarKind.Working, 0.8)));

    [Fact]
    public void The_working_warning_sits_at_80_percent_of_the_working_time_to_due()
    {
        var start = At("2026-09-21T10:00:00+08:00");
        var due = DeadlineCalculator.Due(China2026, start, new TimeLimit("P15D", CalendarKind.Working));

        var warnAt = DeadlineCalculator.WarnAt(China2026, start, due, CalendarKind.Working, 0.8);

        // 15 working days = 105h; 80% = 84h = 12 working days: the twelfth is Wednesday 14 October.
        Assert.Equal("2026-10-19T10:00:00+08:00", Show(due));
        Assert.Equal("2026-10-14T10:00:00+08:00", Show(warnAt));
        Assert.Equal(TimeSpan.FromHours(84), China2026.WorkingTimeBetween(start, warnAt));
    }

    [Fact]
    public void Natural_warning_at_80_percent_of_elapsed_time()
    {
        // PT24H: 80% is 19h12m, at night; a natural limit does not care.
        var warnAt = DeadlineCalculator.WarnAt(China2026, At("2026-03-09T10:00:00+08:00"), At("2026-03-10T10:00:00+08:00"), CalendarKind.Natural, 0.8);

        Assert.Equal("2026-03-10T05:12:00+08:00", Show(warnAt));
    }

    [Theory]
    [InlineData(CalendarKind.Working)]
    [InlineData(CalendarKind.Natural)]
    public void Ratio_zero_is_the_start_and_one_is_the_due(CalendarKind kind)
    {
        var start = At("2026-03-09T08:30:00+08:00");
        var due = At("2026-03-10T08:30:00+08:00");

        Assert.Equal("2026-03-09T08:30:00+08:00", Show(DeadlineCalculator.WarnAt(China2026, start, due, kind, 0)));
        Assert.Equal("2026-03-10T08:30:00+08:00", Show(DeadlineCalculator.WarnAt(China2026, start, due, kind, 1)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void A_ratio_outside_zero_to_one_is_refused(double ratio) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeadlineCalculator.WarnAt(China2026, At("2026-03-09T08:30:00+08:00"), At("2026-03-09T15:30:00+08:00"), CalendarKind.Working, ratio));

    [Fact]
    public void A_due_before_the_start_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            DeadlineCalculator.WarnAt(China2026, At("2026-03-09T15:30:00+08:00"), At("2026-03-09T08:30:00+08:00"), CalendarKind.Working, 0.8));
}
