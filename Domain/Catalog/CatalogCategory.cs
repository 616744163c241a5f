namespace GridCase.Domain.Catalog;

/// <summary>事项大类.</summary>
public sealed class CatalogCategory
{
    public required string Code { get; init; }
    public required string Name { get; set; }
}
