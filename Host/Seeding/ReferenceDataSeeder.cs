using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Domain.Calendars;
using GridCase.Domain.Catalog;
using GridCase.Domain.Cases;
using GridCase.Host.Calendars;
using GridCase.Host.FlowBindings;
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

        // A shipped flow is added when its id is not in the database yet (a fresh start, or a flow new in this release);
        // one that is there, edited or not, is left alone.
        var stored = (await db.WorkflowDefinitions.Select(d => d.DefinitionId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order())
        {
            // The folder also holds the org and department lists; a flow is the file with a flowchart.
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            if (JsonNode.Parse(json) is not JsonObject o || !o.ContainsKey("definitionId") || !o.ContainsKey("root")) continue;
            var definition = WorkflowDefinition.Parse(json);
            if (!stored.Add(definition.DefinitionId)) continue;
            db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
            {
                DefinitionId = definition.DefinitionId, Version = 1, Name = definition.Name, IsPublished = true, IsLatest = true,
                Json = (definition with { Version = 1, IsPublished = true, IsLatest = true }).ToJson(),
                CreatedAt = now, PublishedAt = now, PublishedBy = "system",
            });
        }

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
        await SeedFlowBindingsAsync(folder, now, cancellationToken);
    }

    /// <summary>
    /// The shipped bindings (flow-bindings.json), only while nobody has ever set the list: once a policy admin has
    /// (even to nothing), theirs stands. A binding whose flow is not stored is skipped, as the editor would refuse it.
    /// </summary>
    private async Task SeedFlowBindingsAsync(string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, "flow-bindings.json");
        if (!File.Exists(file) || await db.FlowBindings.AnyAsync(cancellationToken) || await db.FlowBindingChanges.AnyAsync(cancellationToken)) return;
        var shipped = JsonSerializer.Deserialize<ShippedFlowBindings>(await File.ReadAllTextAsync(file, cancellationToken), JsonSerializerOptions.Web)?.FlowBindings ?? [];
        var published = await db.WorkflowDefinitions.Where(d => d.IsPublished).Select(d => d.DefinitionId).Distinct().ToListAsync(cancellationToken);
        var bindings = shipped.Where(b => published.Contains(b.DefinitionId)).ToList();
        if (bindings.Count == 0) return;
        db.FlowBindings.AddRange(bindings.Select(b => new FlowBinding
        {
            Channel = b.Channel is null ? null : Enum.Parse<Channel>(b.Channel), CategoryCode = b.CategoryCode, ItemCode = b.ItemCode, DefinitionId = b.DefinitionId,
        }));
        db.FlowBindingChanges.Add(new FlowBindingChange
        {
            ChangedBy = "system", ChangedAt = now, Before = "[]", After = JsonSerializer.Serialize(bindings, JsonSerializerOptions.Web),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record ShippedFlowBindings(IReadOnlyList<ShippedFlowBinding> FlowBindings);

    private sealed record ShippedFlowBinding(string? Channel, string? CategoryCode, string? ItemCode, string DefinitionId);

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
