namespace GridCase.Host.Problems;

/// <summary>Reads query-string filters and paging, collecting field errors instead of failing on the first.</summary>
public static class QueryParameters
{
    public const int MaxPageSize = 200;

    public static T? Enum<T>(string? value, string field, Dictionary<string, string[]> errors) where T : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (System.Enum.TryParse<T>(value, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
        errors[field] = [$"{field} 须为 {string.Join(" | ", System.Enum.GetNames<T>())}"];
        return null;
    }

    public static (int Page, int PageSize) Paging(int? page, int? pageSize, Dictionary<string, string[]> errors)
    {
        if (page is < 1) errors["page"] = ["page 从 1 开始 / page starts at 1"];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize 须在 1 到 {MaxPageSize} 之间 / pageSize must be 1..{MaxPageSize}"];
        return (page ?? 1, pageSize ?? 20);
    }
}
