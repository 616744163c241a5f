using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Domain.Calendars;
using GridCase.Domain.Catalog;
using GridCase.Domain.Cases;
using GridCase.Host.Calendars;
using GridCase.Host.FlowBindings;
using GridCase.Workflows.Runtime;
using GridCase.Host.Persistence;
using GridCase.Host.Runtime;
using GridCase.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Seeding;

/// <summary>
/// The product's own data — shipped flows, holiday calendars and the item catalog — loaded into an empty
/// database from workflow-definitions/. Each part is loaded only while its table is empty, so edits made
/// through the API are never overwritten.
/// </summary>
public sealed class ReferenceDataSeeder(GridCaseDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = ShippedFiles.Folder(configuration);
        var now = clock.GetUtcNow();

        // Each shipped flow the database lacks, so that a flow shipped later reaches databases seeded before it; flows
        // already there are never touched. The shipped bindings of a flow come with it, once: a binding a policy
        // admin removed later stays removed.
        var existing = (await db.WorkflowDefinitions.Select(d => d.DefinitionId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var added = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            // The folder also holds the org, department and binding lists; a flow is the file with a flowchart.
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            if (JsonNode.Parse(json) is not JsonObject o || !o.ContainsKey("definitionId") || !o.ContainsKey("root")) continue;
            var definition = WorkflowDefinition.Parse(json);
            if (existing.Contains(definition.DefinitionId)) continue;
            db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
            {
                DefinitionId = definition.DefinitionId, Version = 1, Name = definition.Name, IsPublished = true, IsLatest = true,
                Json = (definition with { Version = 1, IsPublished = true, IsLatest = true }).ToJson(),
                CreatedAt = now, PublishedAt = now, PublishedBy = "system",
            });
            added.Add(definition.DefinitionId);
        }
        await SeedBindingsAsync(Path.Combine(folder, "flow-bindings.json"), added, now, cancellationToken);

        var calendars = Path.Combine(folder, "calendars");
        if (Directory.Exists(calendars) && !await db.CalendarYears.AnyAsync(cancellationToken))
            foreach (var file in Directory.GetFiles(calendars, "*.json"))
            {
                var year = CalendarYear.Parse(await File.ReadAllTextAsync(file, cancellationToken));
                db.CalendarYears.Add(new CalendarYearRecord { Year = year.Year, Json = year.ToJson(), UpdatedAt = now, UpdatedBy = "system" });
            }

        var catalog = Path.Combine(folder, "catalog");
        if (Directory.Exists(catalog) && !await db.CatalogCategories.AnyAsync(cancellationToken))
            foreach (var file in Directory.GetFiles(catalog, "*.json").Order())
            {
                var (category, items) = ShippedCatalog.Read(await File.ReadAllTextAsync(file, cancellationToken), now);
                db.CatalogCategories.Add(category);
                db.CatalogItems.AddRange(items);
            }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The shipped rules for the flows just added, unless a rule with the same match exists; audited as the system's change.</summary>
    private async Task SeedBindingsAsync(string file, IReadOnlyCollection<string> addedFlows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (addedFlows.Count == 0 || !File.Exists(file)) return;
        var shipped = JsonSerializer.Deserialize<List<FlowBindingDto>>(await File.ReadAllTextAsync(file, cancellationToken), BindingJson) ?? [];
        var current = await db.FlowBindings.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var before = current.Select(FlowBindingDto.From).ToList();
        var after = before.ToList();
        foreach (var rule in shipped.Where(r => r.DefinitionId is not null && addedFlows.Contains(r.DefinitionId)))
        {
            var channel = rule.Channel is null ? (Channel?)null : Enum.Parse<Channel>(rule.Channel);
            if (current.Any(b => b.Channel == channel && b.CategoryCode == rule.CategoryCode && b.ItemCode == rule.ItemCode)) continue;
            db.FlowBindings.Add(new FlowBinding { Channel = channel, CategoryCode = rule.CategoryCode, ItemCode = rule.ItemCode, DefinitionId = rule.DefinitionId! });
            after.Add(rule);
        }
        if (after.Count == before.Count) return;
        db.FlowBindingChanges.Add(new FlowBindingChange
        {
            ChangedBy = Actors.System, ChangedAt = now,
            Before = JsonSerializer.Serialize(before, BindingJson), After = JsonSerializer.Serialize(after, BindingJson),
        });
    }

    private static readonly JsonSerializerOptions BindingJson = new(JsonSerializerDefaults.Web);
}

/// <summary>Reads one shipped category file (workflow-definitions/catalog/NN.json).</summary>
public static class ShippedCatalog
{
    private sealed record CategoryFile(string Code, string Name, List<ItemFile> Items);

    private sealed record ItemFile(
        string Code, string Name, string? FilingCondition, string ClosureStandard, List<ClosureRequirement>? ClosureRequirements,
        string TimeLimit, CalendarKind Calendar, Urgency Urgency, string OwnerDepartmentCode, List<string>? CoHandlerDepartmentCodes,
        ResponsibilityBasis ResponsibilityBasis, string? BasisText, List<string>? Keywords);

    public static (CatalogCategory Category, List<CatalogItem> Items) Read(string json, DateTimeOffset now)
    {
        var file = JsonSerializer.Deserialize<CategoryFile>(json, WorkflowJson.Options) ?? throw new JsonException("empty category file");
        var items = file.Items.Select(i => new CatalogItem
        {
            Code = i.Code, Name = i.Name, CategoryCode = file.Code, FilingCondition = i.FilingCondition ?? "",
            ClosureStandard = i.ClosureStandard, ClosureRequirements = i.ClosureRequirements ?? [], TimeLimit = i.TimeLimit,
            Calendar = i.Calendar, Urgency = i.Urgency, OwnerDepartmentCode = i.OwnerDepartmentCode,
            CoHandlerDepartmentCodes = i.CoHandlerDepartmentCodes ?? [], ResponsibilityBasis = i.ResponsibilityBasis,
            BasisText = i.BasisText ?? "", Keywords = i.Keywords ?? [], CreatedAt = now,
        }).ToList();
        return (new CatalogCategory { Code = file.Code, Name = file.Name }, items);
    }
}
