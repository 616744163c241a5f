using GridCase.Domain.Calendars;
using static GridCase.UnitTests.Calendars.CalendarTestData;

namespace GridCase.UnitTests.Calendars;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2026-03-09", true)]   // Monday
    [InlineData("2026-03-14", false)]  // Saturday
    [InlineData("2026-03-15", false)]  // Sunday
    [InlineData("2026-10-01", false)]  // National Day
    [InlineData("2026-10-08", true)]   // first day back
    [InlineData("2026-10-10", true)]   // make-up Saturday
    [InlineData("2026-09-20", true)]   // make-up Sunday
    [InlineData("2026-02-16", false)]  // 除夕
    [InlineData("2030-01-01", true)]   // no data for 2030: plain weekday rule
    [InlineData("2030-01-05", false)]
    public void Working_days_follow_weekends_holidays_and_make_up_days(string date, bool expected) =>
        Assert.Equal(expected, China2026.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Years_without_data_are_reported()
    {
        Assert.True(China2026.HasDataFor(2026));
        Assert.False(China2026.HasDataFor(2030));
        Assert.Equal([2026], China2026.Years);
    }

    [Fact]
    public void Defaults_are_government_office_hours_in_China_Standard_Time()
    {
        Assert.Equal(TimeSpan.FromHours(8), China2026.UtcOffset);
        Assert.Equal(TimeSpan.FromHours(7), China2026.WorkingDayLength);
        Assert.Equal(["08:30-12:00", "14:00-17:30"], China2026.Hours.Select(h => h.ToString()));
    }

    [Theory]
    [InlineData("2026-03-13T15:00:00+08:00", "2026-03-16T11:00:00+08:00", 5.0)]
    [InlineData("2026-03-09T12:00:00+08:00", "2026-03-09T14:00:00+08:00", 0.0)]
    [InlineData("2026-03-09T11:00:00+08:00", "2026-03-09T15:00:00+08:00", 2.0)]
    [InlineData("2026-09-30T16:00:00+08:00", "2026-10-08T12:00:00+08:00", 5.0)]
    [InlineData("2026-10-09T08:30:00+08:00", "2026-10-12T08:30:00+08:00", 14.0)] // Friday + make-up Saturday
    [InlineData("2026-03-09T15:00:00+08:00", "2026-03-09T10:00:00+08:00", 0.0)]  // backwards
    public void Working_time_between_counts_only_working_hours(string from, string to, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), China2026.WorkingTimeBetween(At(from), At(to)));

    [Theory]
    [InlineData("2026-03-09T10:00:00+08:00", "2026-03-09T10:00:00+08:00")]
    [InlineData("2026-03-09T12:00:00+08:00", "2026-03-09T14:00:00+08:00")]
    [InlineData("2026-03-13T17:30:00+08:00", "2026-03-16T08:30:00+08:00")]
    [InlineData("2026-09-30T23:00:00+08:00", "2026-10-08T08:30:00+08:00")]
    public void Next_working_instant(string instant, string expected) =>
        Assert.Equal(expected, Show(China2026.NextWorkingInstant(At(instant))));

    [Fact]
    public void Adding_zero_working_time_is_the_start()
    {
        Assert.Equal("2026-03-14T10:00:00+08:00", Show(China2026.AddWorkingTime(At("2026-03-14T02:00:00Z"), TimeSpan.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => China2026.AddWorkingTime(At("2026-03-14T10:00:00+08:00"), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void Custom_hours_and_offset()
    {
        var calendar = WorkingCalendar.Create(
            [Year2026],
            [new WorkingPeriod(new TimeOnly(13, 0), new TimeOnly(17, 0)), new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(13, 0))],
            TimeSpan.Zero);

        // Adjacent periods are merged into one working day of 8 hours.
        Assert.Equal(["09:00-17:00"], calendar.Hours.Select(h => h.ToString()));
        Assert.Equal("2026-03-16T11:00:00+00:00", Show(calendar.AddWorkingTime(At("2026-03-13T13:00:00Z"), TimeSpan.FromHours(6))));
    }

    [Fact]
    public void A_period_may_end_at_midnight()
    {
        var evening = WorkingCalendar.Create([], [new WorkingPeriod(new TimeOnly(18, 0), TimeOnly.MinValue)]);

        Assert.Equal(TimeSpan.FromHours(6), evening.WorkingDayLength);
        // Monday 23:00 + 2h: one hour Monday night, one hour from Tuesday 18:00.
        Assert.Equal("2026-03-10T19:00:00+08:00", Show(evening.AddWorkingTime(At("2026-03-09T23:00:00+08:00"), TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Bad_hours_are_refused()
    {
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([], []));
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([], [new WorkingPeriod(new TimeOnly(12, 0), new TimeOnly(8, 0))]));
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Create(
            [],
            [new WorkingPeriod(new TimeOnly(8, 0), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(11, 0), new TimeOnly(14, 0))]));
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([], utcOffset: TimeSpan.FromHours(15)));
    }

    [Fact]
    public void Bad_year_data_is_refused()
    {
        var twice = Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([Year2026, Year2026]));
        Assert.Contains("twice", twice.Message);

        var conflicting = new CalendarYear(2026, [Day("2026-10-10", "国庆节")], [Day("2026-10-10", "国庆节调休上班")]);
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([conflicting]));

        var wrongYear = new CalendarYear(2026, [Day("2027-01-01", "元旦")], []);
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([wrongYear]));
    }
}
