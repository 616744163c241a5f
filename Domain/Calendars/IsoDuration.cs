using System.Globalization;
using System.Text;

namespace GridCase.Domain.Calendars;

/// <summary>
/// A parsed ISO 8601 duration restricted to what a handling time limit needs: whole days and a
/// time of day part. Kept apart because on a working calendar days and hours mean different things
/// (a day is a whole working day, an hour is an hour of working time).
/// </summary>
/// <param name="Days">Whole days; <c>PnW</c> is read as 7n days, as ISO 8601 defines a week.</param>
/// <param name="Time">Hours, minutes and seconds.</param>
public readonly record struct IsoDuration(int Days, TimeSpan Time)
{
    // Ten years of days is far beyond any real handling limit and keeps every later date sum in range.
    private const int MaxDays = 3660;

    private static readonly TimeSpan MaxTime = TimeSpan.FromDays(MaxDays);

    /// <summary>
    /// Accepts <c>PnW</c>, or <c>PnD</c> and/or <c>T</c> with <c>nH</c>, <c>nM</c>, <c>nS</c> in that
    /// order (e.g. <c>P1D</c>, <c>PT5H</c>, <c>PT30M</c>, <c>P1DT2H30M</c>, <c>P2W</c>).
    /// Rejects years and months (their length varies, so no deadline can be promised in them),
    /// negative, zero, fractional and lower-case forms, weeks mixed with other parts, and anything else.
    /// </summary>
    public static bool TryParse(string? iso, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(iso) || iso[0] != 'P' || iso.Length < 3)
        {
            return false;
        }

        var days = 0L;
        var hours = 0L;
        var minutes = 0L;
        var seconds = 0L;
        var inTime = false;
        var sawWeek = false;
        var sawAny = false;
        var sawTimePart = false;
        var lastRank = 0; // enforces D < H < M < S and each at most once
        var i = 1;
        while (i < iso.Length)
        {
            if (iso[i] == 'T')
            {
                if (inTime || sawWeek)
                {
                    return false;
                }

                inTime = true;
                i++;
                continue;
            }

            var digitsStart = i;
            while (i < iso.Length && char.IsAsciiDigit(iso[i]))
            {
                i++;
            }

            if (i == digitsStart || i == iso.Length || i - digitsStart > 9)
            {
                return false;
            }

            var number = long.Parse(iso.AsSpan(digitsStart, i - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture);
            var designator = iso[i++];
            var rank = (inTime, designator) switch
            {
                (false, 'W') => 1,
                (false, 'D') => 2,
                (true, 'H') => 3,
                (true, 'M') => 4,
                (true, 'S') => 5,
                _ => 0, // Y and M before T, fractions, unknown letters
            };
            if (rank <= lastRank || (sawWeek && rank != 1))
            {
                return false;
            }

            lastRank = rank;
            sawAny = true;
            sawTimePart |= inTime;
            switch (rank)
            {
                case 1: sawWeek = true; days = number * 7; break;
                case 2: days = number; break;
                case 3: hours = number; break;
                case 4: minutes = number; break;
                case 5: seconds = number; break;
            }
        }

        if (!sawAny || (inTime && !sawTimePart) || days > MaxDays)
        {
            return false;
        }

        var totalSeconds = ((hours * 60) + minutes) * 60 + seconds;
        if (totalSeconds > (long)MaxTime.TotalSeconds || (days == 0 && totalSeconds == 0))
        {
            return false;
        }

        duration = new IsoDuration((int)days, TimeSpan.FromSeconds(totalSeconds));
        return true;
    }

    /// <exception cref="FormatException">Not a duration <see cref="TryParse"/> accepts.</exception>
    public static IsoDuration Parse(string iso) =>
        TryParse(iso, out var duration)
            ? duration
            : throw new FormatException(
                $"'{iso}' is not a supported time limit. Use an ISO 8601 duration of days, weeks, hours or minutes, e.g. P1D, PT5H, PT30M, P1DT2H or P2W (no months or years, not zero, not negative).");

    /// <summary>The same length as a plain span (a day as 24 hours), as a natural calendar counts it.</summary>
    public TimeSpan ToNaturalTimeSpan() => TimeSpan.FromDays(Days) + Time;

    /// <summary>Canonical ISO 8601 form, e.g. <c>P1DT2H30M</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("P");
        if (Days > 0)
        {
            text.Append(Days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        if (Time > TimeSpan.Zero)
        {
            text.Append('T');
            var hours = (long)Time.TotalHours;
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
            }

            if (Time.Minutes > 0)
            {
                text.Append(Time.Minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
            }

            if (Time.Seconds > 0)
            {
                text.Append(Time.Seconds.ToString(CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }
}
