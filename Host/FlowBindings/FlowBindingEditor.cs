using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.FlowBindings;

/// <summary>Reads and replaces the binding list; every replacement is validated whole and audited with its author.</summary>
public sealed class FlowBindingEditor(GridCaseDbContext db, UnitOfWork unit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<FlowBindingDto>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.FlowBindings.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken)).Select(ToDto)];

    public async Task<IReadOnlyList<FlowBindingChangeDto>> AuditAsync(CancellationToken cancellationToken) =>
        [
            .. (await db.FlowBindingChanges.AsNoTracking().OrderByDescending(c => c.Id).ToListAsync(cancellationToken))
                .Select(c => new FlowBindingChangeDto(c.Id, c.ChangedBy, c.ChangedAt, JsonNode.Parse(c.Before), JsonNode.Parse(c.After))),
        ];

    public async Task<IReadOnlyList<FlowBindingDto>> ReplaceAsync(IReadOnlyList<FlowBindingDto>? request, string user, CancellationToken cancellationToken)
    {
        // A missing body is a mistake, not a wish to unbind everything; an explicit [] is how that is said.
        if (request is null)
            throw DomainException.Field("bindings", "须提交绑定列表；空列表 [] 表示全部使用默认流程 / the list of bindings is required; an empty list [] sends every case to the default flow");
        var bindings = await ValidAsync(request, cancellationToken);
        return await unit.RunAsync(async ct =>
        {
            var before = await ListAsync(ct);
            db.FlowBindings.RemoveRange(await db.FlowBindings.ToListAsync(ct));
            db.FlowBindings.AddRange(bindings);
            var after = bindings.Select(ToDto).ToList();
            db.FlowBindingChanges.Add(new FlowBindingChange
            {
                ChangedBy = user, ChangedAt = clock.GetUtcNow(),
                Before = JsonSerializer.Serialize(before, Json), After = JsonSerializer.Serialize(after, Json),
            });
            return (IReadOnlyList<FlowBindingDto>)after;
        }, cancellationToken);
    }

    /// <summary>All problems of the list at once, each under bindings[i].field.</summary>
    private async Task<List<FlowBinding>> ValidAsync(IReadOnlyList<FlowBindingDto> request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        // Every flow id, each with whether any of its versions is published, in one read.
        var flows = await db.WorkflowDefinitions.AsNoTracking().GroupBy(d => d.DefinitionId)
            .Select(g => new { Id = g.Key, Published = g.Any(d => d.IsPublished) }).ToListAsync(cancellationToken);
        var known = flows.Select(f => f.Id).ToHashSet();
        var published = flows.Where(f => f.Published).Select(f => f.Id).ToHashSet();
        var categories = (await db.CatalogCategories.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet();
        var itemCodes = request.Select(r => r.ItemCode).OfType<string>().ToList();
        var items = await db.CatalogItems.AsNoTracking().Where(i => i.IsCurrent && itemCodes.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, i => i.CategoryCode, cancellationToken);

        var bindings = new List<FlowBinding>();
        var keys = new HashSet<(Channel?, string?, string?)>();
        for (var i = 0; i < request.Count; i++)
        {
            var r = request[i];
            var at = $"bindings[{i}]";
            if (r is null)
            {
                errors[at] = ["规则为空 / empty rule"];
                continue;
            }
            var channel = RequestFields.Enum<Channel>(r.Channel, $"{at}.channel", errors);
            var category = Blank(r.CategoryCode);
            var item = Blank(r.ItemCode);
            if (string.IsNullOrWhiteSpace(r.DefinitionId))
                errors[$"{at}.definitionId"] = ["须指定流程 / definitionId is required"];
            else if (!known.Contains(r.DefinitionId))
                errors[$"{at}.definitionId"] = [$"流程 {r.DefinitionId} 不存在 / no workflow definition {r.DefinitionId}"];
            else if (!published.Contains(r.DefinitionId))
                errors[$"{at}.definitionId"] = [$"流程 {r.DefinitionId} 尚无已发布版本 / {r.DefinitionId} has no published version"];
            if (category is not null && !categories.Contains(category))
                errors[$"{at}.categoryCode"] = [$"大类 {category} 不存在 / no catalog category {category}"];
            if (item is not null && !items.ContainsKey(item))
                errors[$"{at}.itemCode"] = [$"事项 {item} 不存在 / no catalog item {item}"];
            else if (item is not null && category is not null && items[item] != category)
                errors[$"{at}.itemCode"] = [$"事项 {item} 不属于大类 {category} / item {item} is not in category {category}"];
            if (r.Channel is null && category is null && item is null)
                errors[at] = ["规则须至少指定渠道、大类或事项之一 / a rule names a channel, a category or an item"];
            else if (!keys.Add((channel, category, item)))
                errors[at] = ["与前面的规则条件相同 / the same match as an earlier rule"];
            bindings.Add(new FlowBinding { Channel = channel, CategoryCode = category, ItemCode = item, DefinitionId = r.DefinitionId ?? "" });
        }
        if (errors.Count > 0) throw new DomainException("流程绑定有误 / the flow bindings are invalid", errors);
        return bindings;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static FlowBindingDto ToDto(FlowBinding b) => FlowBindingDto.From(b);
}
