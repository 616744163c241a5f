using System.Text.Json;
using GridCase.Domain.Calendars;
using GridCase.Domain.Catalog;
using GridCase.Host.Seeding;
using Microsoft.Extensions.Configuration;

namespace GridCase.ApiTests.Catalog;

/// <summary>The catalog files GridCase ships (workflow-definitions/catalog/NN.json), read as the seeder reads them.</summary>
public sealed class ShippedCatalogTests
{
    private static readonly string Folder = ShippedFiles.Folder(new ConfigurationBuilder().Build());

    private static readonly List<(CatalogCategory Category, List<CatalogItem> Items)> Files =
    [
        .. Directory.GetFiles(Path.Combine(Folder, "catalog"), "*.json").Order()
            .Select(f => ShippedCatalog.Read(File.ReadAllText(f), DateTimeOffset.UnixEpoch)),
    ];

    private static readonly List<CatalogItem> Items = [.. Files.SelectMany(f => f.Items)];

    private sealed record Department(string Code, string Name);

    [Fact]
    public void There_are_20_categories_and_828_items()
    {
        Assert.Equal(20, Files.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => n.ToString("00")), Files.Select(f => f.Category.Code));
        Assert.All(Files, f => Assert.False(string.IsNullOrWhiteSpace(f.Category.Name)));
        Assert.Equal(20, Files.Select(f => f.Category.Name).Distinct().Count());
        Assert.Equal(828, Items.Count);
        Assert.All(Files, f => Assert.True(f.Items.Count >= 20, $"category {f.Category.Code} has only {f.Items.Count} items"));
    }

    [Fact]
    public void Codes_are_unique_and_belong_to_their_category()
    {
        Assert.Equal(Items.Count, Items.Select(i => i.Code).Distinct().Count());
        Assert.All(Items, i => Assert.Matches(@"^\d{2}\.\d{3}$", i.Code));
        Assert.All(Items, i => Assert.StartsWith(i.CategoryCode + ".", i.Code));
    }

    [Fact]
    public void Names_are_unique_within_each_category_and_not_filler()
    {
        foreach (var (category, items) in Files)
        {
            var repeated = items.GroupBy(i => i.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"category {category.Code} repeats {string.Join(", ", repeated)}");
        }
        Assert.All(Items, i => Assert.DoesNotMatch(@"^事项\d+$", i.Name));
        Assert.All(Items, i => Assert.InRange(i.Name.Length, 2, 100));
    }

    [Fact]
    public void Every_item_has_a_closure_standard_a_valid_time_limit_and_keywords()
    {
        Assert.All(Items, i => Assert.False(string.IsNullOrWhiteSpace(i.ClosureStandard), $"{i.Code} has no closure standard"));
        Assert.All(Items, i => Assert.False(string.IsNullOrWhiteSpace(i.FilingCondition), $"{i.Code} has no filing condition"));
        Assert.All(Items, i => Assert.True(IsoDuration.TryParse(i.TimeLimit, out _), $"{i.Code} has time limit '{i.TimeLimit}'"));
        Assert.All(Items, i => Assert.True(Enum.IsDefined(i.Calendar) && Enum.IsDefined(i.Urgency) && Enum.IsDefined(i.ResponsibilityBasis), i.Code));
        Assert.All(Items, i => Assert.All(i.ClosureRequirements, r => Assert.True(Enum.IsDefined(r), i.Code)));
        Assert.All(Items, i => Assert.NotEmpty(i.Keywords));
        Assert.All(Items, i => Assert.DoesNotContain(i.Keywords, k => k.Contains(';')));
    }

    [Fact]
    public void Owners_and_co_handlers_are_departments_of_the_demo_org()
    {
        var departments = JsonSerializer.Deserialize<List<Department>>(
            File.ReadAllText(Path.Combine(Folder, "departments.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .Select(d => d.Code).ToHashSet();
        Assert.All(Items, i => Assert.True(departments.Contains(i.OwnerDepartmentCode), $"{i.Code} is owned by unknown {i.OwnerDepartmentCode}"));
        Assert.All(Items, i => Assert.All(i.CoHandlerDepartmentCodes, d => Assert.True(departments.Contains(d), $"{i.Code} co-handler {d}")));
        Assert.All(Items, i => Assert.DoesNotContain(i.OwnerDepartmentCode, i.CoHandlerDepartmentCodes));
    }
}
