namespace GridCase.Load;

/// <summary>Latencies of one kind of call, in milliseconds, from many clients at once.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _samples = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get { lock (_gate) return _samples.Count; }
    }

    public void Add(TimeSpan elapsed)
    {
        lock (_gate) _samples.Add(elapsed.TotalMilliseconds);
    }

    public LatencySummary Summarize()
    {
        double[] sorted;
        lock (_gate) sorted = [.. _samples];
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99),
            sorted.Length == 0 ? 0 : sorted[^1]);
    }

    // Nearest rank: the reported value is one that was really observed, which reads better for small runs
    // than an interpolated figure no call ever took.
    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
}

public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max);
