namespace GridCase.Domain.Calendars;

/// <summary>
/// A handling time limit (处置时限) as the catalog and flows state it: an ISO 8601 duration and the
/// calendar it runs on, e.g. <c>PT5H</c> working, <c>P1D</c> working, <c>PT24H</c> natural.
/// See <see cref="DeadlineCalculator.Due"/> for what days and hours mean on a working calendar.
/// </summary>
/// <exception cref="FormatException">On construction (or <c>with</c>), when <paramref name="Iso"/> is not a supported duration.</exception>
public sealed record TimeLimit(string Iso, CalendarKind Calendar)
{
    // Validated on every assignment, including `with`, so a TimeLimit that exists can always be computed.
    public string Iso
    {
        get;
        init
        {
            Duration = IsoDuration.Parse(value);
            field = value;
        }
    } = Iso;

    public CalendarKind Calendar
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Calendar), value, "Unknown calendar kind.");
    } = Enum.IsDefined(Calendar)
        ? Calendar
        : throw new ArgumentOutOfRangeException(nameof(Calendar), Calendar, "Unknown calendar kind.");

    /// <summary>The parsed <see cref="Iso"/>.</summary>
    public IsoDuration Duration { get; private init; } = IsoDuration.Parse(Iso);

    /// <inheritdoc cref="IsoDuration.TryParse"/>
    public static bool TryParseDuration(string iso, out IsoDuration duration) => IsoDuration.TryParse(iso, out duration);

    public override string ToString() => $"{Iso} ({Calendar})";
}
