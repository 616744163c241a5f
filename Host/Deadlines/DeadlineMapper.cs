using GridCase.Domain.WorkItems;
using Riok.Mapperly.Abstractions;

namespace GridCase.Host.Deadlines;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class DeadlineMapper
{
    public static partial ExtensionRequestDto ToDto(ExtensionRequest source);
}
