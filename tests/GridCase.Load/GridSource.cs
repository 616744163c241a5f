using System.Text.Json.Nodes;

namespace GridCase.Load;

/// <summary>The grid codes cases are spread over: the running Host's org tree, else the shipped demo org.</summary>
public static class GridSource
{
    public static async Task<(IReadOnlyList<string> Grids, string From)> LoadAsync(GridCaseClient api, DirectoryInfo? repo, CancellationToken cancellationToken)
    {
        var tree = await api.TryGetAsync<List<OrgUnitNode>>("/api/org-units", "acceptor", cancellationToken);
        var fromHost = tree is null ? [] : Flatten(tree).Where(u => u.Kind == "Grid").Select(u => u.Code).Order(StringComparer.Ordinal).ToList();
        if (fromHost.Count > 0) return (fromHost, "the Host's /api/org-units");

        var file = repo is null ? null : Path.Combine(repo.FullName, "workflow-definitions", "demo-org.json");
        if (file is null || !File.Exists(file))
            throw new SetupException("Could not read grids from the Host and workflow-definitions/demo-org.json was not found.");
        var units = (JsonNode.Parse(await File.ReadAllTextAsync(file, cancellationToken))?["orgUnits"] as JsonArray) ?? [];
        var fromFile = units.OfType<JsonObject>()
            .Where(u => (string?)u["kind"] == "Grid" && u["code"] is not null)
            .Select(u => (string)u["code"]!).Order(StringComparer.Ordinal).ToList();
        return fromFile.Count > 0
            ? (fromFile, Path.GetRelativePath(repo!.FullName, file))
            : throw new SetupException($"{file} lists no grids.");
    }

    private static IEnumerable<OrgUnitNode> Flatten(IEnumerable<OrgUnitNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children ?? []).Prepend(n));
}
