using System.Text.RegularExpressions;
using GridCase.Domain.Calendars;
using GridCase.Domain.Catalog;

namespace GridCase.Host.Catalog;

/// <summary>
/// What makes a catalog item valid on its own, shared by the API and the import so both refuse the same things
/// in the same words. Checks that need the rest of the catalog (duplicate codes, names) are the callers'.
/// </summary>
public static partial class CatalogItemRules
{
    // The column sizes of the CatalogItems table; SQL Server would refuse longer values at save time.
    public const int MaxCodeLength = 16;
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 1000;
    public const int MaxKeywords = 50;
    public const int MaxKeywordLength = 30;

    /// <summary>Lists travel in one spreadsheet cell separated by ';', so no entry may hold one.</summary>
    public const char ListSeparator = ';';

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-]*$")]
    private static partial Regex CodePattern();

    public static string? CheckCode(string? code, Dictionary<string, string[]> errors)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            errors["code"] = ["事项编码不能为空 / code is required"];
        else if (trimmed.Length > MaxCodeLength || !CodePattern().IsMatch(trimmed))
            errors["code"] = [$"事项编码须为不超过 {MaxCodeLength} 位的字母、数字、点或连字符，如 03.017 / code must be up to {MaxCodeLength} letters, digits, dots or hyphens, e.g. 03.017"];
        else
            return trimmed;
        return null;
    }

    /// <summary>
    /// Validates everything but the code and returns the item (version 0, not current) when no error was found;
    /// every problem is added to <paramref name="errors"/> under its field name.
    /// </summary>
    public static CatalogItem? Validate(
        string code, CatalogItemRequest request, IReadOnlySet<string> categoryCodes, Func<string, bool> isDepartment,
        Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        var name = Required(request.Name, "name", "事项名称", MaxNameLength, errors);
        var closureStandard = Required(request.ClosureStandard, "closureStandard", "结案标准", MaxTextLength, errors);
        var filingCondition = Optional(request.FilingCondition, "filingCondition", "立案条件", MaxTextLength, errors);
        var basisText = Optional(request.BasisText, "basisText", "三定依据", MaxTextLength, errors);

        var categoryCode = request.CategoryCode?.Trim();
        if (string.IsNullOrEmpty(categoryCode))
            errors["categoryCode"] = ["事项大类不能为空 / categoryCode is required"];
        else if (!categoryCodes.Contains(categoryCode))
            errors["categoryCode"] = [$"事项大类 {categoryCode} 不存在 / no catalog category {categoryCode}"];

        var timeLimit = request.TimeLimit?.Trim();
        if (string.IsNullOrEmpty(timeLimit))
            errors["timeLimit"] = ["处置时限不能为空 / timeLimit is required"];
        else if (!IsoDuration.TryParse(timeLimit, out _))
            errors["timeLimit"] = [$"处置时限 {timeLimit} 不是有效的 ISO 8601 时长（如 PT5H、P1D、P1DT2H、P2W；不能为 0，不能用年、月）/ '{timeLimit}' is not a supported ISO 8601 duration (e.g. PT5H, P1D, P1DT2H, P2W; not zero, no years or months)"];

        var calendar = ParseEnum<CalendarKind>(request.Calendar, "calendar", "日历", required: true, errors);
        var urgency = ParseEnum<Urgency>(request.Urgency, "urgency", "紧急程度", required: false, errors) ?? Urgency.Normal;
        var basis = ParseEnum<ResponsibilityBasis>(request.ResponsibilityBasis, "responsibilityBasis", "三定依据类型", required: true, errors);

        var owner = request.OwnerDepartmentCode?.Trim();
        if (string.IsNullOrEmpty(owner))
            errors["ownerDepartmentCode"] = ["权属单位不能为空 / ownerDepartmentCode is required"];
        else if (!isDepartment(owner))
            errors["ownerDepartmentCode"] = [$"{owner} 不是部门 / {owner} is not a department"];

        var coHandlers = CleanList(request.CoHandlerDepartmentCodes);
        var coErrors = new List<string>();
        foreach (var co in coHandlers)
        {
            if (!isDepartment(co)) coErrors.Add($"{co} 不是部门 / {co} is not a department");
            else if (co == owner) coErrors.Add($"{co} 已是权属单位，不能同时协办 / {co} owns the item and cannot also co-handle it");
        }
        if (coHandlers.Count != coHandlers.Distinct().Count()) coErrors.Add("协办单位重复 / a co-handler is listed twice");
        if (coErrors.Count > 0) errors["coHandlerDepartmentCodes"] = [.. coErrors];

        var requirements = new List<ClosureRequirement>();
        var requirementErrors = new List<string>();
        foreach (var value in CleanList(request.ClosureRequirements))
        {
            if (TryParseName<ClosureRequirement>(value, out var requirement))
            {
                if (!requirements.Contains(requirement)) requirements.Add(requirement);
            }
            else requirementErrors.Add($"结案要求 {value} 无效，须为 {CatalogLabels.Allowed<ClosureRequirement>()} / unknown closure requirement {value}");
        }
        if (requirementErrors.Count > 0) errors["closureRequirements"] = [.. requirementErrors];

        var keywords = CleanList(request.Keywords).Distinct().ToList();
        var keywordErrors = new List<string>();
        if (keywords.Count > MaxKeywords) keywordErrors.Add($"关键词最多 {MaxKeywords} 个 / at most {MaxKeywords} keywords");
        if (keywords.Any(k => k.Length > MaxKeywordLength))
            keywordErrors.Add($"每个关键词最长 {MaxKeywordLength} 字 / each keyword is at most {MaxKeywordLength} characters");
        if (keywords.Any(k => k.Contains(ListSeparator) || k.Contains('；')))
            keywordErrors.Add("关键词不能含分号 / a keyword cannot contain ';'");
        if (keywordErrors.Count > 0) errors["keywords"] = [.. keywordErrors];

        if (errors.Count > before) return null;
        return new CatalogItem
        {
            Code = code, Version = 0, IsCurrent = false, Name = name!, CategoryCode = categoryCode!, FilingCondition = filingCondition,
            ClosureStandard = closureStandard!, ClosureRequirements = requirements, TimeLimit = timeLimit!, Calendar = calendar!.Value,
            Urgency = urgency, OwnerDepartmentCode = owner!, CoHandlerDepartmentCodes = coHandlers, ResponsibilityBasis = basis!.Value,
            BasisText = basisText, Keywords = keywords,
        };
    }

    /// <summary>Whether two versions say the same thing, so that saving one over the other would add nothing.</summary>
    public static bool SameContent(CatalogItem a, CatalogItem b) =>
        a.Code == b.Code && a.Name == b.Name && a.CategoryCode == b.CategoryCode && a.FilingCondition == b.FilingCondition
        && a.ClosureStandard == b.ClosureStandard && a.ClosureRequirements.SequenceEqual(b.ClosureRequirements)
        && a.TimeLimit == b.TimeLimit && a.Calendar == b.Calendar && a.Urgency == b.Urgency
        && a.OwnerDepartmentCode == b.OwnerDepartmentCode && a.CoHandlerDepartmentCodes.SequenceEqual(b.CoHandlerDepartmentCodes)
        && a.ResponsibilityBasis == b.ResponsibilityBasis && a.BasisText == b.BasisText && a.Keywords.SequenceEqual(b.Keywords);

    /// <summary>The next version of <paramref name="current"/> with the content of <paramref name="edited"/>.</summary>
    /// <param name="ownership">A new owner and basis over <paramref name="edited"/>'s (a 三定 decision written back); the owner then co-handles no more.</param>
    public static CatalogItem NextVersion(CatalogItem edited, int version, DateTimeOffset now, CatalogOwnership? ownership = null) => new()
    {
        Code = edited.Code, Version = version, IsCurrent = true, Name = edited.Name, CategoryCode = edited.CategoryCode,
        FilingCondition = edited.FilingCondition, ClosureStandard = edited.ClosureStandard,
        ClosureRequirements = [.. edited.ClosureRequirements], TimeLimit = edited.TimeLimit, Calendar = edited.Calendar,
        Urgency = edited.Urgency, OwnerDepartmentCode = ownership?.OwnerDepartmentCode ?? edited.OwnerDepartmentCode,
        CoHandlerDepartmentCodes = [.. edited.CoHandlerDepartmentCodes.Where(d => d != ownership?.OwnerDepartmentCode)],
        ResponsibilityBasis = ownership?.Basis ?? edited.ResponsibilityBasis,
        BasisText = ownership?.BasisText ?? edited.BasisText, Keywords = [.. edited.Keywords], CreatedAt = now, Source = ownership?.Source,
    };

    /// <summary>Parses an enum by its exact name only: numbers ("1") and other spellings are refused.</summary>
    public static bool TryParseName<T>(string? value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        return value is not null && Enum.GetNames<T>().Contains(value) && Enum.TryParse(value, out parsed);
    }

    private static T? ParseEnum<T>(string? value, string field, string label, bool required, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) errors[field] = [$"{label}不能为空，须为 {CatalogLabels.Allowed<T>()} / {field} is required"];
            return null;
        }
        if (TryParseName<T>(trimmed, out var parsed)) return parsed;
        errors[field] = [$"{label} {trimmed} 无效，须为 {CatalogLabels.Allowed<T>()} / {field} must be one of them"];
        return null;
    }

    private static string? Required(string? value, string field, string label, int maxLength, Dictionary<string, string[]> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors[field] = [$"{label}不能为空 / {field} is required"];
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            errors[field] = [$"{label}最长 {maxLength} 字 / {field} is at most {maxLength} characters"];
            return null;
        }
        return trimmed;
    }

    private static string Optional(string? value, string field, string label, int maxLength, Dictionary<string, string[]> errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > maxLength) errors[field] = [$"{label}最长 {maxLength} 字 / {field} is at most {maxLength} characters"];
        return trimmed;
    }

    /// <summary>Entries trimmed, blanks dropped: a trailing ';' in a spreadsheet cell or an empty string means nothing.</summary>
    private static List<string> CleanList(IReadOnlyList<string?>? values) =>
        values is null ? [] : [.. values.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
}
