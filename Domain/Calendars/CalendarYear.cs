using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GridCase.Domain.Calendars;

/// <summary>
/// One year of the official holiday schedule: the days off (every day of each announced
/// holiday period, weekends inside it included) and the weekend days worked instead (调休上班).
/// Shipped as <c>workflow-definitions/calendars/YYYY.json</c>.
/// </summary>
/// <remarks>
/// File format (UTF-8):
/// <code>
/// { "year": 2026, "note": "optional free text",
///   "holidays": [{ "date": "2026-01-01", "name": "元旦" }, ...],
///   "makeUpWorkdays": [{ "date": "2026-01-04", "name": "元旦调休上班" }, ...] }
/// </code>
/// Unknown fields are ignored so the files can carry provenance without breaking older readers.
/// </remarks>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> MakeUpWorkdays)
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Free text kept with the data, e.g. that a year is provisional until the official notice.</summary>
    public string? Note { get; init; }

    /// <summary>Reads the data-file format.</summary>
    /// <exception cref="FormatException">The text is not valid JSON or the data breaks a rule; the message says where.</exception>
    public static CalendarYear Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Calendar data is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Calendar data must be a JSON object with \"year\", \"holidays\" and \"makeUpWorkdays\".");
            }

            var yearElement = Required(root, "year", "calendar");
            if (yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out var year))
            {
                throw new FormatException($"\"year\" must be a whole number, found {yearElement.GetRawText()}.");
            }

            string? note = null;
            if (root.TryGetProperty("note", out var noteElement) && noteElement.ValueKind != JsonValueKind.Null)
            {
                note = noteElement.ValueKind == JsonValueKind.String
                    ? noteElement.GetString()
                    : throw new FormatException("\"note\" must be a string.");
            }

            var calendar = new CalendarYear(
                year,
                ReadDays(Required(root, "holidays", "calendar"), "holidays"),
                ReadDays(Required(root, "makeUpWorkdays", "calendar"), "makeUpWorkdays"))
            {
                Note = note,
            };

            if (calendar.FindProblem() is { } problem)
            {
                throw new FormatException($"Calendar data for {year}: {problem}");
            }

            return calendar;
        }
    }

    /// <summary>
    /// Writes the data-file format: two-space indentation, one day per line, Chinese text unescaped,
    /// LF line endings and a final newline, so that the shipped files are exactly what this returns.
    /// </summary>
    public string ToJson()
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"year\": ").Append(Year.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        if (Note is not null)
        {
            text.Append("  \"note\": ").Append(Quote(Note)).Append(",\n");
        }

        AppendDays(text, "holidays", Holidays);
        text.Append(",\n");
        AppendDays(text, "makeUpWorkdays", MakeUpWorkdays);
        text.Append("\n}\n");
        return text.ToString();
    }

    /// <summary>The first rule this year's data breaks, or null when it is sound.</summary>
    /// <remarks>Shared by <see cref="Parse"/> and <see cref="WorkingCalendar.Create"/> because records can also be built in code.</remarks>
    internal string? FindProblem()
    {
        if (Year is < 1 or > 9999)
        {
            return $"year {Year} is out of range.";
        }

        if (Holidays is null || MakeUpWorkdays is null)
        {
            return "holidays and makeUpWorkdays must both be present (use an empty list for none).";
        }

        var seen = new Dictionary<DateOnly, string>();
        foreach (var (list, label) in new[] { (Holidays, "holidays"), (MakeUpWorkdays, "makeUpWorkdays") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var day = list[i];
                if (day is null)
                {
                    return $"{label}[{i}] is missing.";
                }

                var where = $"{label}[{i}] ({day.Date.ToString(DateFormat, CultureInfo.InvariantCulture)})";
                if (day.Date.Year != Year)
                {
                    return $"{where} is not in {Year}.";
                }

                if (string.IsNullOrWhiteSpace(day.Name))
                {
                    return $"{where} has no name.";
                }

                if (seen.TryGetValue(day.Date, out var earlier))
                {
                    return $"{where} is listed twice (already in {earlier}).";
                }

                // A make-up day only means something on a weekend: a weekday is a working day anyway.
                if (label == "makeUpWorkdays" && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    return $"{where} is a {day.Date.DayOfWeek}; make-up working days are weekend days worked in exchange for a holiday.";
                }

                seen[day.Date] = label;
            }
        }

        return null;
    }

    // The lists are compared by content so that a parsed copy equals the original.
    public bool Equals(CalendarYear? other) =>
        other is not null
        && Year == other.Year
        && Note == other.Note
        && (Holidays ?? []).SequenceEqual(other.Holidays ?? [])
        && (MakeUpWorkdays ?? []).SequenceEqual(other.MakeUpWorkdays ?? []);

    public override int GetHashCode() => HashCode.Combine(Year, Note, Holidays?.Count, MakeUpWorkdays?.Count);

    private static JsonElement Required(JsonElement parent, string name, string where) =>
        parent.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"The {where} has no \"{name}\".");

    private static List<CalendarDay> ReadDays(JsonElement array, string label)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"\"{label}\" must be an array of {{\"date\": \"yyyy-MM-dd\", \"name\": \"...\"}}.");
        }

        var days = new List<CalendarDay>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var where = $"{label}[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where} must be an object with \"date\" and \"name\".");
            }

            var dateElement = Required(item, "date", where);
            var dateText = dateElement.ValueKind == JsonValueKind.String ? dateElement.GetString() : null;
            if (!DateOnly.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"{where}.date {dateElement.GetRawText()} is not a date in the form yyyy-MM-dd.");
            }

            var nameElement = Required(item, "name", where);
            if (nameElement.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"{where}.name must be a string.");
            }

            days.Add(new CalendarDay(date, nameElement.GetString()!));
            index++;
        }

        return days;
    }

    private static void AppendDays(StringBuilder text, string label, IReadOnlyList<CalendarDay> days)
    {
        text.Append("  \"").Append(label).Append("\": [");
        if (days.Count == 0)
        {
            text.Append(']');
            return;
        }

        text.Append('\n');
        for (var i = 0; i < days.Count; i++)
        {
            text.Append("    { \"date\": \"")
                .Append(days[i].Date.ToString(DateFormat, CultureInfo.InvariantCulture))
                .Append("\", \"name\": ")
                .Append(Quote(days[i].Name))
                .Append(i < days.Count - 1 ? " },\n" : " }\n");
        }

        text.Append("  ]");
    }

    // Relaxed escaping keeps Chinese names readable in the shipped files; quotes, backslashes and
    // control characters are still escaped, so the output is always valid JSON.
    private static string Quote(string value) =>
        "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
