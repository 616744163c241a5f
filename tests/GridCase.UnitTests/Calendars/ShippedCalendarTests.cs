using GridCase.Domain.Calendars;

namespace GridCase.UnitTests.Calendars;

/// <summary>The calendar files shipped in workflow-definitions/calendars, checked against the State Council notices.</summary>
public sealed class ShippedCalendarTests
{
    private static readonly string CalendarFolder = Path.Combine(FindRepoRoot(), "workflow-definitions", "calendars");

    private static readonly WorkingCalendar Shipped = WorkingCalendar.Create(new[] { 2025, 2026, 2027 }.Select(Load));

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Each_file_parses_is_for_its_year_and_is_in_canonical_form(int year)
    {
        var text = File.ReadAllText(Path.Combine(CalendarFolder, $"{year}.json")).ReplaceLineEndings("\n");
        var calendar = CalendarYear.Parse(text);

        Assert.Equal(year, calendar.Year);
        Assert.Equal(text, calendar.ToJson());
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Weekday_days_off_minus_make_up_days_equal_the_13_statutory_holidays(int year)
    {
        // Since 2025 the law gives 13 days (元旦1, 春节4, 清明1, 劳动节2, 端午1, 中秋1, 国庆3); one falling
        // on a weekend is made up on a weekday, and every borrowed weekday is worked back on a weekend.
        var calendar = Load(year);
        var weekdaysOff = calendar.Holidays.Count(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        Assert.Equal(13, weekdaysOff - calendar.MakeUpWorkdays.Count);
    }

    [Fact]
    public void Only_2027_is_marked_provisional()
    {
        Assert.Contains("rovisional", Load(2027).Note);
        Assert.DoesNotContain("rovisional", Load(2025).Note ?? "");
        Assert.DoesNotContain("rovisional", Load(2026).Note ?? "");
    }

    [Theory]
    // 2025 (国办发明电〔2024〕12号)
    [InlineData("2025-01-01", false)]
    [InlineData("2025-01-26", true)]   // Sunday worked for the Spring Festival
    [InlineData("2025-01-28", false)]  // 除夕, the first year it is a statutory holiday
    [InlineData("2025-02-04", false)]
    [InlineData("2025-02-05", true)]
    [InlineData("2025-02-08", true)]   // Saturday worked
    [InlineData("2025-04-04", false)]
    [InlineData("2025-04-27", true)]
    [InlineData("2025-05-02", false)]  // the added Labour Day holiday
    [InlineData("2025-05-05", false)]
    [InlineData("2025-06-02", false)]
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-06", false)]  // Mid-Autumn inside National Day
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-09", true)]
    [InlineData("2025-10-11", true)]
    // 2026 (notice of 2025-11-04)
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-04", true)]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-15", false)]  // 腊月二十八
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-04-06", false)]
    [InlineData("2026-05-05", false)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-06-19", false)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-09-25", false)]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]
    // 2027 (provisional)
    [InlineData("2027-02-05", false)]  // 除夕
    [InlineData("2027-02-12", false)]
    [InlineData("2027-02-15", true)]
    [InlineData("2027-06-09", false)]  // Dragon Boat on a Wednesday: that day only
    [InlineData("2027-06-10", true)]
    [InlineData("2027-09-15", false)]
    [InlineData("2027-10-01", false)]
    [InlineData("2027-10-09", true)]
    public void Known_dates(string date, bool isWorkingDay) =>
        Assert.Equal(isWorkingDay, Shipped.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Known_holidays_carry_their_names()
    {
        Assert.Contains(Load(2026).Holidays, d => d.Date == new DateOnly(2026, 10, 1) && d.Name == "国庆节");
        Assert.Contains(Load(2025).MakeUpWorkdays, d => d.Date == new DateOnly(2025, 1, 26) && d.Name == "春节调休上班");
    }

    private static CalendarYear Load(int year) =>
        CalendarYear.Parse(File.ReadAllText(Path.Combine(CalendarFolder, $"{year}.json")));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridCase.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GridCase.sln above {AppContext.BaseDirectory}.");
    }
}
