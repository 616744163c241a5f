using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using GridCase.Host.Runtime;
using GridCase.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.WorkflowDefinitions;

/// <summary>
/// Drafts and publishing. A published version is frozen: saving on top of it opens the next version as
/// a draft, and instances keep running on the version they started with.
/// </summary>
public sealed class DefinitionEditor(GridCaseDbContext db, DefinitionValidator validator, UnitOfWork unit, TimeProvider clock)
{
    public async Task<IReadOnlyList<DefinitionSummaryDto>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.DefinitionId).ThenBy(d => d.Version).ToListAsync(cancellationToken);
        return
        [
            .. records.GroupBy(r => r.DefinitionId).Select(g => new DefinitionSummaryDto(
                g.Key, g.Last().Name, g.Max(r => r.Version), g.Where(r => r.IsPublished).Max(r => (int?)r.Version),
                [.. g.Select(r => new DefinitionVersionDto(r.Version, r.IsPublished, r.IsLatest, r.CreatedAt, r.PublishedAt, r.PublishedBy))])),
        ];
    }

    public async Task<JsonNode> GetAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        var query = db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        var record = version is { } v
            ? await query.SingleOrDefaultAsync(d => d.Version == v, cancellationToken)
            : await query.SingleOrDefaultAsync(d => d.IsLatest, cancellationToken);
        return record is null
            ? throw new NotFoundException($"流程 {definitionId}{(version is null ? "" : $" v{version}")} 不存在 / no such workflow definition")
            : ToJson(record);
    }

    /// <returns>The saved draft, with the validator's warnings under <c>warnings</c>.</returns>
    public async Task<JsonNode> SaveDraftAsync(string definitionId, JsonObject body, string user, CancellationToken cancellationToken)
    {
        var (definition, warnings) = await ParseValidAsync(body, definitionId, cancellationToken);
        // A racing save that opened the same next version first fills the unique (definition, version) index:
        // the unit starts over and this save lands on that new draft.
        var record = await unit.RunAsync(async ct =>
        {
            var latest = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, ct);
            // Each write holds only while the row is still as it was read: a racing publish that came first
            // leaves it matching nothing, and this save answers 409 instead of overwriting a frozen version.
            if (latest is { IsPublished: false })
            {
                var json = Normalize(definition, latest.Version);
                var saved = await db.WorkflowDefinitions.Where(d => d.Id == latest.Id && d.IsLatest && !d.IsPublished)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, definition.Name).SetProperty(d => d.Json, json), ct);
                if (saved == 0) throw Raced(definitionId);
                latest.Name = definition.Name;
                latest.Json = json;
                return latest;
            }
            if (latest is not null
                && await db.WorkflowDefinitions.Where(d => d.Id == latest.Id && d.IsLatest)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsLatest, false), ct) == 0)
                throw Raced(definitionId);
            var version = (latest?.Version ?? 0) + 1;
            var next = new WorkflowDefinitionRecord
            {
                DefinitionId = definitionId, Version = version, Name = definition.Name, IsLatest = true,
                Json = Normalize(definition, version), CreatedAt = clock.GetUtcNow(),
            };
            db.WorkflowDefinitions.Add(next);
            return next;
        }, cancellationToken, retryAlso: e => e.IsUniqueViolation());
        return WithWarnings(ToJson(record), warnings);
    }

    public async Task<JsonNode> PublishAsync(string definitionId, string user, CancellationToken cancellationToken) =>
        await unit.RunAsync(async ct =>
        {
            var latest = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, ct)
                ?? throw new NotFoundException($"流程 {definitionId} 不存在 / no workflow definition {definitionId}");
            if (latest.IsPublished)
                throw new ConflictException($"v{latest.Version} 已发布，没有待发布的草稿 / v{latest.Version} is already published; there is no draft");
            var (_, warnings) = await ParseValidAsync(JsonNode.Parse(latest.Json)!.AsObject(), definitionId, ct);
            var now = clock.GetUtcNow();
            // Publishes exactly the draft that was validated: a save in between changes its JSON and this matches nothing.
            var published = await db.WorkflowDefinitions.Where(d => d.Id == latest.Id && d.IsLatest && !d.IsPublished && d.Json == latest.Json)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, true).SetProperty(d => d.PublishedAt, now).SetProperty(d => d.PublishedBy, user), ct);
            if (published == 0) throw Raced(definitionId);
            latest.IsPublished = true;
            latest.PublishedAt = now;
            latest.PublishedBy = user;
            return WithWarnings(ToJson(latest), warnings);
        }, cancellationToken);

    private static ConflictException Raced(string definitionId) =>
        new($"流程 {definitionId} 已被他人同时修改或发布，请刷新后重试 / {definitionId} was saved or published by someone else at the same time; reload and retry");

    private async Task<(WorkflowDefinition Definition, IReadOnlyList<DefinitionIssue> Warnings)> ParseValidAsync(
        JsonObject body, string definitionId, CancellationToken cancellationToken)
    {
        WorkflowDefinition definition;
        try
        {
            definition = body.Deserialize<WorkflowDefinition>(WorkflowJson.Options)
                ?? throw DomainException.Field("definition", "流程定义为空 / empty definition");
        }
        catch (JsonException e)
        {
            throw DomainException.Field("definition", $"流程定义格式有误 / malformed definition: {e.Message}");
        }
        if (definition.DefinitionId != definitionId)
            throw DomainException.Field("definitionId", $"definitionId 须为 {definitionId} / must match the URL");
        var issues = await validator.ValidateAsync(definition, cancellationToken);
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
            throw new DefinitionInvalidException(issues);
        return (definition, issues);
    }

    private static JsonNode WithWarnings(JsonNode json, IReadOnlyList<DefinitionIssue> warnings)
    {
        json["warnings"] = JsonSerializer.SerializeToNode(warnings.Select(DefinitionIssueDto.From), WorkflowJson.Options);
        return json;
    }

    private static string Normalize(WorkflowDefinition definition, int version) =>
        (definition with { Version = version, IsPublished = false, IsLatest = true }).ToJson();

    /// <summary>The stored JSON with the record's own version flags, which are the truth.</summary>
    private static JsonNode ToJson(WorkflowDefinitionRecord record)
    {
        var json = JsonNode.Parse(record.Json)!.AsObject();
        json["version"] = record.Version;
        json["isPublished"] = record.IsPublished;
        json["isLatest"] = record.IsLatest;
        return json;
    }
}
