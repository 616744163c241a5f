namespace GridCase.Host.Runtime;

/// <summary>A stored version of a flow. Published versions are frozen; only the latest draft is edited.</summary>
public sealed class WorkflowDefinitionRecord
{
    public long Id { get; set; }
    public required string DefinitionId { get; init; }
    public int Version { get; init; }
    public required string Name { get; set; }
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}
