using System.Text;

namespace GridCase.Load;

/// <summary>The measured outcome of a run and its printed form.</summary>
public sealed record LoadResult(int Clients, TimeSpan Elapsed, Metrics Metrics, bool Interrupted)
{
    public int Cases => Metrics.CasesDone + Metrics.CasesNotDone;
    public bool AllDone => Metrics.CasesNotDone == 0 && !Interrupted;

    public string Format()
    {
        var complete = Metrics.Complete.Summarize();
        var report = Metrics.Report.Summarize();
        var seconds = Math.Max(Elapsed.TotalSeconds, 1e-9);
        var text = new StringBuilder();
        text.AppendLine();
        if (Interrupted) text.AppendLine("interrupted: the figures cover the run until Ctrl+C");
        text.AppendLine($"clients {Clients}, cases {Cases} (done {Metrics.CasesDone}, not done {Metrics.CasesNotDone}), " +
                        $"task completions {complete.Count} in {Elapsed.TotalSeconds:0.0} s → {complete.Count / seconds:0.0} completions/s " +
                        $"({Metrics.CasesDone / seconds:0.0} cases/s)");
        text.AppendLine($"complete latency p50 {complete.P50:0} ms, p95 {complete.P95:0} ms, p99 {complete.P99:0} ms; " +
                        $"report latency p50 {report.P50:0} ms, p95 {report.P95:0} ms, p99 {report.P99:0} ms; errors {Metrics.Errors.Count}");
        text.AppendLine();
        text.AppendLine("  latency of 2xx calls (ms)   calls     p50     p95     p99     max");
        Row(text, "POST /api/cases (report)", report);
        Row(text, "POST …/complete (all)", complete);
        foreach (var stage in new[] { "Accept", "Dispatch", "Handle", "Verify", "Evaluate" }
                     .Concat(Metrics.CompleteByStage.Keys.Order(StringComparer.Ordinal)).Distinct())
            if (Metrics.CompleteByStage.TryGetValue(stage, out var recorder))
                Row(text, $"  {stage}", recorder.Summarize());
        text.Append($"  errors (non-2xx, failed or stuck calls): {Metrics.Errors.Count}");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, LatencySummary s) =>
        text.AppendLine($"  {name,-26} {s.Count,6} {s.P50,7:0} {s.P95,7:0} {s.P99,7:0} {s.Max,7:0}");
}
