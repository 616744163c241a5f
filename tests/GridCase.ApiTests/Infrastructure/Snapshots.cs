using System.Text.Json.Nodes;

namespace GridCase.ApiTests.Infrastructure;

/// <summary>Compares what a user sees before and after a refused request, leaving out what moves with the clock alone.</summary>
public static class Snapshots
{
    private static readonly HashSet<string> ClockFields = ["remainingSeconds"];

    public static string Stable(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).Where(ClockFields.Contains).ToList()) o.Remove(key);
                foreach (var (_, child) in o) Strip(child);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child);
                break;
        }
    }
}
