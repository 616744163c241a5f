using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridCase.Load;

/// <summary>
/// Finds the catalog items the loop can close without photos: from the running Host's catalog when it offers
/// one (so the choice matches what that Host really holds), otherwise from the shipped files in the checkout.
/// </summary>
public static class CatalogSource
{
    private const int PageSize = 200;
    private static readonly string[] PhotoRequirements = ["AfterPhoto", "BeforePhoto"];

    public static async Task<(IReadOnlyList<PlainItem> Items, string From)> LoadAsync(GridCaseClient api, DirectoryInfo? repo, CancellationToken cancellationToken)
    {
        var fromHost = await FromHostAsync(api, cancellationToken);
        if (fromHost is { Count: > 0 }) return (fromHost, "the Host's /api/catalog/items");

        var folder = repo is null ? null : Path.Combine(repo.FullName, "workflow-definitions", "catalog");
        if (folder is null || !Directory.Exists(folder))
            throw new SetupException("The Host has no catalog endpoint and workflow-definitions/catalog/ was not found; run from the GridCase checkout.");
        var fromFiles = FromFiles(folder);
        return fromFiles.Count > 0
            ? (fromFiles, Path.GetRelativePath(repo!.FullName, folder) + "/*.json")
            : throw new SetupException($"No catalog item in {folder} can be closed without photos.");
    }

    private static async Task<List<PlainItem>?> FromHostAsync(GridCaseClient api, CancellationToken cancellationToken)
    {
        var items = new List<PlainItem>();
        var seen = 0;
        // A cap on pages guards against an endpoint that ignores the page parameter and repeats itself.
        for (var page = 1; page <= 50; page++)
        {
            var node = await api.TryGetAsync<JsonNode>($"/api/catalog/items?pageSize={PageSize}&page={page}", "acceptor", cancellationToken);
            var rows = node switch
            {
                JsonArray array => array,
                JsonObject o when o["items"] is JsonArray array => array,
                _ => null,
            };
            if (rows is null) return page == 1 ? null : items;
            seen += rows.Count;
            items.AddRange(rows.OfType<JsonObject>().Select(Plain).OfType<PlainItem>());
            var total = node is JsonObject paged && paged["total"] is JsonValue t && t.TryGetValue<int>(out var n) ? n : (int?)null;
            // A plain array is the whole list; a page short of the size, or reaching the total, is the last page.
            if (node is JsonArray || rows.Count < PageSize || seen >= total) break;
        }
        return items;
    }

    private static PlainItem? Plain(JsonObject item)
    {
        if (item["code"]?.GetValueKind() != JsonValueKind.String) return null;
        // Retired versions may be listed beside the current one; a case can only be reported on a current item.
        if (item["isCurrent"] is JsonValue current && current.TryGetValue<bool>(out var isCurrent) && !isCurrent) return null;
        var requirements = item["closureRequirements"] as JsonArray ?? [];
        if (requirements.Any(r => r is JsonValue v && v.TryGetValue<string>(out var s) && PhotoRequirements.Contains(s))) return null;
        // Requirements sent as numbers follow the enum order, where the photos come first (AfterPhoto = 0, BeforePhoto = 1).
        if (requirements.Any(r => r is JsonValue v && v.TryGetValue<int>(out var i) && i is 0 or 1)) return null;
        return new PlainItem(item["code"]!.GetValue<string>(),
            item["ownerDepartmentCode"] is JsonValue owner && owner.TryGetValue<string>(out var code) ? code : null);
    }

    private static List<PlainItem> FromFiles(string folder)
    {
        var items = new List<PlainItem>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var category = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
            if (category?["items"] is JsonArray rows)
                items.AddRange(rows.OfType<JsonObject>().Select(Plain).OfType<PlainItem>());
        }
        return items;
    }
}
