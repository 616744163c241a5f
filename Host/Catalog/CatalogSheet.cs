using GridCase.Domain.Calendars;
using GridCase.Domain.Catalog;

namespace GridCase.Host.Catalog;

/// <summary>
/// The catalog as a table that offices exchange (CSV or XLSX): one row per item, Chinese headers, Chinese enum
/// words, lists joined with ';'. Writing then reading a row gives back the same item, which is what makes an
/// export → import → export round trip exact.
/// </summary>
public static class CatalogSheet
{
    public sealed record Column(string Header, string Field);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("事项编码", "code"),
        new("事项名称", "name"),
        new("大类编码", "categoryCode"),
        new("立案条件", "filingCondition"),
        new("结案标准", "closureStandard"),
        new("结案要求", "closureRequirements"),
        new("处置时限", "timeLimit"),
        new("日历", "calendar"),
        new("紧急程度", "urgency"),
        new("权属单位", "ownerDepartmentCode"),
        new("协办单位", "coHandlerDepartmentCodes"),
        new("三定依据类型", "responsibilityBasis"),
        new("三定依据", "basisText"),
        new("关键词", "keywords"),
    ];

    public const string SheetName = "事项清单";

    private static readonly string Separator = CatalogItemRules.ListSeparator.ToString();

    public static string HeaderOf(string field) => Columns.FirstOrDefault(c => c.Field == field)?.Header ?? field;

    public static string[] ToRow(CatalogItem item) =>
    [
        item.Code,
        item.Name,
        item.CategoryCode,
        item.FilingCondition,
        item.ClosureStandard,
        string.Join(Separator, item.ClosureRequirements.Select(CatalogLabels.Label)),
        item.TimeLimit,
        CatalogLabels.Label(item.Calendar),
        CatalogLabels.Label(item.Urgency),
        item.OwnerDepartmentCode,
        string.Join(Separator, item.CoHandlerDepartmentCodes),
        CatalogLabels.Label(item.ResponsibilityBasis),
        item.BasisText,
        string.Join(Separator, item.Keywords),
    ];

    /// <summary>A row read back as the request the rules validate; <paramref name="cells"/> are in <see cref="Columns"/> order.</summary>
    public static CatalogItemRequest FromRow(IReadOnlyList<string> cells) => new(
        Code: cells[0],
        Name: cells[1],
        CategoryCode: cells[2],
        FilingCondition: cells[3],
        ClosureStandard: cells[4],
        ClosureRequirements: [.. Split(cells[5]).Select(v => CatalogLabels.ToName<ClosureRequirement>(v!))],
        TimeLimit: cells[6],
        Calendar: CatalogLabels.ToName<CalendarKind>(cells[7].Trim()),
        Urgency: CatalogLabels.ToName<Urgency>(cells[8].Trim()),
        OwnerDepartmentCode: cells[9],
        CoHandlerDepartmentCodes: Split(cells[10]),
        ResponsibilityBasis: CatalogLabels.ToName<ResponsibilityBasis>(cells[11].Trim()),
        BasisText: cells[12],
        Keywords: Split(cells[13]));

    /// <summary>Also splits on the full-width '；' that Chinese input methods type.</summary>
    private static List<string?> Split(string cell) =>
        [.. cell.Split([CatalogItemRules.ListSeparator, '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
