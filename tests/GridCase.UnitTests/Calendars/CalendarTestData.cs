using System.Globalization;
using GridCase.Domain.Calendars;

namespace GridCase.UnitTests.Calendars;

/// <summary>
/// The 2026 schedule written out in code, so the deadline tests do not depend on the shipped files
/// (those have their own test).
/// </summary>
internal static class CalendarTestData
{
    public static readonly CalendarYear Year2026 = new(
        2026,
        [
            .. Range("2026-01-01", "2026-01-03", "元旦"),
            .. Range("2026-02-15", "2026-02-23", "春节"),
            .. Range("2026-04-04", "2026-04-06", "清明节"),
            .. Range("2026-05-01", "2026-05-05", "劳动节"),
            .. Range("2026-06-19", "2026-06-21", "端午节"),
            .. Range("2026-09-25", "2026-09-27", "中秋节"),
            .. Range("2026-10-01", "2026-10-07", "国庆节"),
        ],
        [
            Day("2026-01-04", "元旦调休上班"),
            Day("2026-02-14", "春节调休上班"),
            Day("2026-02-28", "春节调休上班"),
            Day("2026-05-09", "劳动节调休上班"),
            Day("2026-09-20", "国庆节调休上班"),
            Day("2026-10-10", "国庆节调休上班"),
        ]);

    /// <summary>Default hours (08:30–12:00, 14:00–17:30), +08:00, 2026 holidays.</summary>
    public static readonly WorkingCalendar China2026 = WorkingCalendar.Create([Year2026]);

    public static readonly TimeLimit PT5H = new("PT5H", CalendarKind.Working);

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Instant and offset in one readable string, so an assertion checks both.</summary>
    public static string Show(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static CalendarDay Day(string date, string name) => new(DateOnly.Parse(date, CultureInfo.InvariantCulture), name);

    private static IEnumerable<CalendarDay> Range(string first, string last, string name)
    {
        for (var d = DateOnly.Parse(first, CultureInfo.InvariantCulture); d <= DateOnly.Parse(last, CultureInfo.InvariantCulture); d = d.AddDays(1))
        {
            yield return new CalendarDay(d, name);
        }
    }
}
