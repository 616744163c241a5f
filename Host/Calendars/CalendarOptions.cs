namespace GridCase.Host.Calendars;

public sealed class CalendarOptions
{
    /// <summary>Daily working periods, "HH:mm-HH:mm"; none given means 08:30-12:00 and 14:00-17:30.</summary>
    /// <remarks>No default list here: configuration binding appends to a list rather than replacing it.</remarks>
    public List<string>? WorkingHours { get; set; }
    /// <summary>Offset of local time; mainland China has no daylight saving.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);
}
