namespace GridCase.Host.Problems;

/// <summary>
/// Reads enum-like fields and paging from requests, collecting field errors instead of failing on the first.
/// </summary>
public static class RequestFields
{
    public const int MaxPageSize = 200;

    /// <summary>Far beyond any real list, and low enough that (page - 1) × pageSize always fits an int offset.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>
    /// The member of <typeparamref name="T"/> named exactly <paramref name="value"/>. Enum.TryParse alone would also
    /// take "1" or "after", and a number would silently mean whatever member sits at that position.
    /// </summary>
    public static T? Enum<T>(string? value, string field, Dictionary<string, string[]> errors, bool required = false) where T : struct, System.Enum
    {
        var names = System.Enum.GetNames<T>();
        if (string.IsNullOrEmpty(value))
        {
            if (required) errors[field] = [$"须填写 {field}（{string.Join(" | ", names)}）/ {field} is required"];
            return null;
        }
        if (names.Contains(value, StringComparer.Ordinal)) return System.Enum.Parse<T>(value);
        errors[field] = [$"{field} 须为 {string.Join(" | ", names)} / {field} must be one of them"];
        return null;
    }

    public static (int Page, int PageSize) Paging(int? page, int? pageSize, Dictionary<string, string[]> errors)
    {
        if (page is < 1 or > MaxPage) errors["page"] = [$"page 须在 1 到 {MaxPage} 之间 / page must be 1..{MaxPage}"];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize 须在 1 到 {MaxPageSize} 之间 / pageSize must be 1..{MaxPageSize}"];
        return (page ?? 1, pageSize ?? 20);
    }
}
