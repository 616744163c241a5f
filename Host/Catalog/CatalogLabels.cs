using GridCase.Domain.Calendars;
using GridCase.Domain.Catalog;

namespace GridCase.Host.Catalog;

/// <summary>
/// The Chinese words offices use for the catalog's enum values. Spreadsheets carry these; the API carries the
/// English names; an import accepts either.
/// </summary>
public static class CatalogLabels
{
    private static readonly Dictionary<Type, Dictionary<string, string>> ByType = new()
    {
        [typeof(CalendarKind)] = new() { [nameof(CalendarKind.Working)] = "工作日", [nameof(CalendarKind.Natural)] = "自然日" },
        [typeof(Urgency)] = new() { [nameof(Urgency.Normal)] = "一般", [nameof(Urgency.Urgent)] = "紧急", [nameof(Urgency.Critical)] = "特急" },
        [typeof(ResponsibilityBasis)] = new()
        {
            [nameof(ResponsibilityBasis.Statutory)] = "法定", [nameof(ResponsibilityBasis.Agreed)] = "商定",
            [nameof(ResponsibilityBasis.Designated)] = "指定",
        },
        [typeof(ClosureRequirement)] = new()
        {
            [nameof(ClosureRequirement.AfterPhoto)] = "处置后照片", [nameof(ClosureRequirement.BeforePhoto)] = "处置前照片",
            [nameof(ClosureRequirement.HandlerComment)] = "处置说明", [nameof(ClosureRequirement.VerificationPass)] = "核查通过",
            [nameof(ClosureRequirement.ResidentCallback)] = "群众回访",
        },
    };

    public static string Label<T>(T value) where T : struct, Enum => ByType[typeof(T)][value.ToString()];

    /// <summary>The English name for a Chinese label; anything else unchanged, for the rules to accept or refuse.</summary>
    public static string ToName<T>(string value) where T : struct, Enum =>
        ByType[typeof(T)].FirstOrDefault(kv => kv.Value == value).Key ?? value;

    /// <summary>e.g. "Working(工作日) | Natural(自然日)", for error messages that both API and spreadsheet users read.</summary>
    public static string Allowed<T>() where T : struct, Enum =>
        string.Join(" | ", Enum.GetNames<T>().Select(n => $"{n}({ByType[typeof(T)][n]})"));
}
