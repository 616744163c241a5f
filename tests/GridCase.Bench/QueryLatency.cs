using System.Text.Json;
using GridCase.Load;

namespace GridCase.Bench;

/// <summary>The read side as people use it: one page of a list, asked again and again by one client, timed end to end.</summary>
public sealed class QueryLatency(GridCaseClient api)
{
    /// <returns>The latencies, and the list's total as the page reports it (so the row shows the seeded rows are there).</returns>
    public async Task<(LatencySummary Latency, long? Total)> MeasureAsync(string path, string userName, int calls, CancellationToken cancellationToken)
    {
        // The first call warms the Host's compiled queries and caches; a user meets that once, not per page.
        var (first, _) = await api.SendAsync<JsonElement>(HttpMethod.Get, path, userName, null, cancellationToken);
        long? total = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("total", out var t) && t.TryGetInt64(out var count) ? count : null;
        var latencies = new LatencyRecorder();
        for (var n = 0; n < calls; n++)
        {
            var (_, elapsed) = await api.SendAsync<JsonElement>(HttpMethod.Get, path, userName, null, cancellationToken);
            latencies.Add(elapsed);
        }
        return (latencies.Summarize(), total);
    }
}
