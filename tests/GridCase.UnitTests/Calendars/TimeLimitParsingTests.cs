using GridCase.Domain.Calendars;

namespace GridCase.UnitTests.Calendars;

public sealed class TimeLimitParsingTests
{
    [Theory]
    [InlineData("P1D", 1, 0)]
    [InlineData("P15D", 15, 0)]
    [InlineData("PT5H", 0, 300)]
    [InlineData("PT24H", 0, 1440)]
    [InlineData("PT30M", 0, 30)]
    [InlineData("P1DT2H30M", 1, 150)]
    [InlineData("PT1H30M", 0, 90)]
    [InlineData("P2W", 14, 0)]
    [InlineData("P0DT1H", 0, 60)]
    public void Accepts_days_weeks_hours_and_minutes(string iso, int days, int minutes)
    {
        Assert.True(TimeLimit.TryParseDuration(iso, out var duration));
        Assert.Equal(new IsoDuration(days, TimeSpan.FromMinutes(minutes)), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("P1M")]          // months vary in length
    [InlineData("P1Y")]
    [InlineData("P1Y2D")]
    [InlineData("-P1D")]
    [InlineData("P-1D")]
    [InlineData("P0D")]          // zero is no limit
    [InlineData("PT0H")]
    [InlineData("PT0H0M")]
    [InlineData("P1.5D")]
    [InlineData("PT0,5H")]
    [InlineData("5H")]
    [InlineData("PT5")]
    [InlineData("P1H")]          // hours need the T
    [InlineData("PT1D")]
    [InlineData("pt5h")]
    [InlineData(" PT5H")]
    [InlineData("PT5H ")]
    [InlineData("P1W2D")]        // weeks stand alone
    [InlineData("PT5H5H")]
    [InlineData("PT30M2H")]      // out of order
    [InlineData("P1DT2H1D")]
    [InlineData("P99999999999D")]
    [InlineData("P999999D")]     // beyond any real limit
    [InlineData("1 day")]
    [InlineData("PTH")]
    public void Rejects_everything_else(string iso)
    {
        Assert.False(TimeLimit.TryParseDuration(iso, out var duration));
        Assert.Equal(default, duration);
    }

    [Fact]
    public void Rejects_null() => Assert.False(TimeLimit.TryParseDuration(null!, out _));

    [Fact]
    public void A_time_limit_cannot_be_made_with_a_bad_duration()
    {
        var ex = Assert.Throws<FormatException>(() => new TimeLimit("P1M", CalendarKind.Working));
        Assert.Contains("P1M", ex.Message);

        var limit = new TimeLimit("PT5H", CalendarKind.Working);
        Assert.Throws<FormatException>(() => limit with { Iso = "soon" });
        Assert.Equal(new IsoDuration(1, TimeSpan.Zero), (limit with { Iso = "P1D" }).Duration);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeLimit("PT5H", (CalendarKind)7));
    }

    [Theory]
    [InlineData("PT5H", "PT5H")]
    [InlineData("P1DT2H30M", "P1DT2H30M")]
    [InlineData("P2W", "P14D")]
    [InlineData("PT90M", "PT1H30M")]
    public void Durations_print_in_canonical_ISO_form(string iso, string expected) =>
        Assert.Equal(expected, IsoDuration.Parse(iso).ToString());

    [Fact]
    public void Time_limits_with_the_same_text_and_calendar_are_equal() =>
        Assert.Equal(new TimeLimit("P1D", CalendarKind.Working), new TimeLimit("P1D", CalendarKind.Working));
}
