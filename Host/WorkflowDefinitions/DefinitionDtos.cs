namespace GridCase.Host.WorkflowDefinitions;

public sealed record DefinitionVersionDto(int Version, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string? PublishedBy);

public sealed record DefinitionSummaryDto(string DefinitionId, string Name, int LatestVersion, int? PublishedVersion, IReadOnlyList<DefinitionVersionDto> Versions);
