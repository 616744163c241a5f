using GridCase.Domain.Calendars;
using static GridCase.UnitTests.Calendars.CalendarTestData;

namespace GridCase.UnitTests.Calendars;

public sealed class NaturalDueTests
{
    [Theory]
    // National Day itself, nights and weekends all count.
    [InlineData("2026-10-01T10:00:00+08:00", "PT2H", "2026-10-01T12:00:00+08:00")]
    [InlineData("2026-09-30T16:00:00+08:00", "PT24H", "2026-10-01T16:00:00+08:00")]
    [InlineData("2026-03-14T22:00:00+08:00", "P1D", "2026-03-15T22:00:00+08:00")]
    [InlineData("2026-03-09T12:30:00+08:00", "PT30M", "2026-03-09T13:00:00+08:00")]
    [InlineData("2026-09-30T16:00:00+08:00", "P1DT2H", "2026-10-01T18:00:00+08:00")]
    public void Natural_limits_ignore_the_calendar(string start, string iso, string expected) =>
        Assert.Equal(expected, Show(DeadlineCalculator.Due(China2026, At(start), new TimeLimit(iso, CalendarKind.Natural))));

    [Fact]
    public void Natural_results_are_given_in_the_calendar_offset()
    {
        var due = DeadlineCalculator.Due(China2026, At("2026-09-30T08:00:00Z"), new TimeLimit("PT24H", CalendarKind.Natural));

        Assert.Equal("2026-10-01T16:00:00+08:00", Show(due));
    }
}
