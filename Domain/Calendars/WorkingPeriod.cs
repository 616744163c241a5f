namespace GridCase.Domain.Calendars;

/// <summary>
/// One stretch of working hours inside a working day, half-open: <c>[Start, End)</c>.
/// </summary>
/// <remarks>
/// <see cref="TimeOnly"/> cannot say 24:00, so an <see cref="End"/> of 00:00 means midnight at the
/// end of the day; that is how a 24-hour day (00:00–00:00) and an evening shift ending at midnight
/// are written. Periods never cross midnight otherwise.
/// </remarks>
public sealed record WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    /// <summary>Offset of <see cref="Start"/> from midnight.</summary>
    public TimeSpan StartOffset => Start.ToTimeSpan();

    /// <summary>Offset of <see cref="End"/> from midnight, 24:00 when <see cref="End"/> is 00:00.</summary>
    public TimeSpan EndOffset => End == TimeOnly.MinValue ? TimeSpan.FromDays(1) : End.ToTimeSpan();

    public TimeSpan Length => EndOffset - StartOffset;

    public override string ToString() => $"{Start:HH\\:mm}-{(End == TimeOnly.MinValue ? "24:00" : End.ToString("HH\\:mm"))}";
}
