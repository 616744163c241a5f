namespace GridCase.Host.Calendars;

public sealed class CalendarOptions
{
    /// <summary>Daily working periods, "HH:mm-HH:mm".</summary>
    public List<string> WorkingHours { get; set; } = ["08:30-12:00", "14:00-17:30"];
    /// <summary>Offset of local time; mainland China has no daylight saving.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);
}
