namespace GridCase.Host.Calendars;

/// <summary>One year of holidays and make-up days, stored as the same JSON the shipped files use.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
