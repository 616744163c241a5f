using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Domain.Calendars;

namespace GridCase.Workflows.Inputs;

/// <summary>The kinds of input an activity can declare, each with its own literal rules.</summary>
public static class Input
{
    public static Input<string?> Text(string name, string zh, string en) =>
        new(name, new(zh, en), "string", n => StringOf(n) is { } s ? (s, null) : (null, "须为文本 / must be a string"));

    /// <summary>A string out of a fixed list, e.g. <c>Roles</c> or org scopes.</summary>
    public static Input<string?> Choice(string name, string zh, string en, IReadOnlyList<string> options) =>
        new(name, new(zh, en), "enum", n => StringOf(n) is { } s && options.Contains(s)
            ? (s, null)
            : (null, $"须为 {string.Join(" | ", options)} 之一 / must be one of {string.Join(", ", options)}"))
        { Choices = options };

    /// <summary>A member of <typeparamref name="TEnum"/> by exact name; <paramref name="only"/> narrows the members offered.</summary>
    public static Input<TEnum?> Choice<TEnum>(string name, string zh, string en, params TEnum[] only) where TEnum : struct, Enum
    {
        IReadOnlyList<string> options = only.Length > 0 ? [.. only.Select(o => o.ToString())] : Enum.GetNames<TEnum>();
        return new(name, new(zh, en), "enum", n => StringOf(n) is { } s && options.Contains(s) && Enum.TryParse<TEnum>(s, out var value)
            ? (value, null)
            : (null, $"须为 {string.Join(" | ", options)} 之一 / must be one of {string.Join(", ", options)}"))
        { Choices = options, Show = v => v?.ToString() };
    }

    public static Input<double?> Number(string name, string zh, string en, double? min = null, double? max = null) =>
        new(name, new(zh, en), "number", n =>
        {
            if (n is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return (null, "须为数字 / must be a number");
            var d = NumberOf(v);
            if (d < min || d > max) return (null, $"须在 {min}–{max} 之间 / must lie between {min} and {max}");
            return (d, null);
        }) { Minimum = min, Maximum = max };

    public static Input<bool> Flag(string name, string zh, string en) =>
        new(name, new(zh, en), "boolean", n => n is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? (v.GetValue<bool>(), null)
            : (false, "须为 true 或 false / must be true or false"));

    /// <summary>A truthy value as JavaScript sees it; for conditions, which are usually expressions.</summary>
    public static Input<bool> Condition(string name, string zh, string en) =>
        new(name, new(zh, en), "boolean", n => n is JsonValue v
            ? (v.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.Number => NumberOf(v) != 0,
                JsonValueKind.String => v.GetValue<string>().Length > 0,
                _ => false,
            }, null)
            : (false, "须为条件 / must be a condition"));

    public static Input<IReadOnlyList<string>> TextList(string name, string zh, string en) =>
        new(name, new(zh, en), "stringList", n => n is JsonArray a && a.All(x => StringOf(x) is { Length: > 0 })
            ? ([.. a.Select(x => StringOf(x)!)], null)
            : ([], "须为非空文本的列表 / must be a list of non-empty strings"))
        { Default = [], Show = v => v.Count == 0 ? null : v };

    /// <summary>A list of strings each out of a fixed list, e.g. roles to notify.</summary>
    public static Input<IReadOnlyList<string>> ChoiceList(string name, string zh, string en, IReadOnlyList<string> options) =>
        new(name, new(zh, en), "stringList", n => n is JsonArray a && a.All(x => StringOf(x) is { } s && options.Contains(s))
            ? ([.. a.Select(x => StringOf(x)!)], null)
            : ([], $"须为 {string.Join(" | ", options)} 的列表 / must be a list of {string.Join(", ", options)}"))
        { Default = [], Choices = options, Show = v => v.Count == 0 ? null : v };

    /// <summary>An object whose every value is a list of strings, e.g. required fields per outcome.</summary>
    public static Input<IReadOnlyDictionary<string, IReadOnlyList<string>>> ListsByKey(string name, string zh, string en) =>
        new(name, new(zh, en), "object", n =>
        {
            var empty = new Dictionary<string, IReadOnlyList<string>>();
            if (n is not JsonObject o) return (empty, "须为对象 / must be an object");
            var map = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var (key, value) in o)
            {
                if (value is not JsonArray a || !a.All(x => StringOf(x) is { Length: > 0 }))
                    return (empty, $"{key} 须为文本列表 / {key} must be a list of strings");
                map[key] = [.. a.Select(x => StringOf(x)!)];
            }
            return (map, null);
        }) { Default = new Dictionary<string, IReadOnlyList<string>>(), Show = _ => null };

    /// <summary>An ISO 8601 duration as handling limits use it (PT30M, P1D, P1DT2H), see <see cref="IsoDuration"/>.</summary>
    public static Input<IsoDuration?> Duration(string name, string zh, string en) =>
        new(name, new(zh, en), "duration", n => StringOf(n) is { } s && IsoDuration.TryParse(s, out var d)
            ? (d, null)
            : (null, "须为 ISO-8601 时长，如 PT1H、P1D / must be an ISO-8601 duration such as PT1H or P1D"))
        { Show = d => d?.ToString() };

    /// <summary>An ISO 8601 instant with its offset, e.g. 2026-11-23T18:00:00+08:00.</summary>
    public static Input<DateTimeOffset?> Instant(string name, string zh, string en) =>
        new(name, new(zh, en), "instant", n => StringOf(n) is { } s && s.Contains('T')
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)
            ? (t, null)
            : (null, "须为带时区的 ISO-8601 时刻 / must be an ISO-8601 instant with an offset"))
        { Show = t => t?.ToString("O") };

    /// <summary>Any JSON value, taken as it is.</summary>
    public static Input<JsonNode?> Json(string name, string zh, string en) =>
        new(name, new(zh, en), "any", n => (n.DeepClone(), null));

    private static string? StringOf(JsonNode? n) =>
        n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Whatever CLR number backs the value (a parsed document or a value built in code).</summary>
    private static double NumberOf(JsonValue v) => double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
}
