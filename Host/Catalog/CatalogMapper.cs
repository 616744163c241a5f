using GridCase.Domain.Catalog;
using Riok.Mapperly.Abstractions;

namespace GridCase.Host.Catalog;

/// <summary>Entity → DTO mapping, generated at compile time; enums travel as their names.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CatalogMapper
{
    public static partial CatalogItemDto ToDto(CatalogItem source);
}
