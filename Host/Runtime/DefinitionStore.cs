using System.Collections.Concurrent;
using GridCase.Host.Persistence;
using GridCase.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Runtime;

/// <summary>
/// Parsed published definitions. A published version never changes, so each is parsed once per process
/// and shared by every request that resumes an instance pinned to it.
/// </summary>
public sealed class DefinitionStore
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _published = new();

    public async Task<WorkflowDefinition> GetAsync(GridCaseDbContext db, string definitionId, int version, CancellationToken cancellationToken)
    {
        if (_published.TryGetValue((definitionId, version), out var cached)) return cached;
        var record = await db.WorkflowDefinitions.AsNoTracking()
            .SingleAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        var definition = WorkflowDefinition.Parse(record.Json);
        if (record.IsPublished) _published[(definitionId, version)] = definition;
        return definition;
    }

    /// <summary>The version new cases start on: the newest published one.</summary>
    public async Task<WorkflowDefinition> LatestPublishedAsync(GridCaseDbContext db, string definitionId, CancellationToken cancellationToken)
    {
        var version = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .MaxAsync(d => (int?)d.Version, cancellationToken)
            ?? throw new InvalidOperationException($"no published version of {definitionId}");
        return await GetAsync(db, definitionId, version, cancellationToken);
    }
}
