namespace GridCase.Load;

/// <summary>What one case is about and where it happens.</summary>
public sealed record CaseSpec(int Number, string ItemCode, string GridCode)
{
    /// <summary>The report the acceptor files for this case, as a hotline call.</summary>
    public ReportCaseRequest ToReport() =>
        new("Hotline12345", $"压测案件 {Number} / load case", "市民来电反映（压测） / reported by phone (load test)",
            ItemCode, new ReportLocation(GridCode, "滨江路 18 号"), new ReportReporter("张先生", "13800000000"));
}

/// <summary>Hands out case specs so consecutive cases land in different grids (so different grid workers verify).</summary>
public sealed class CasePlan(IReadOnlyList<PlainItem> items, IReadOnlyList<string> grids)
{
    private int _next = -1;

    public CaseSpec Next()
    {
        var n = Interlocked.Increment(ref _next);
        // Items step by a different stride than grids so item and grid do not travel in lockstep.
        return new CaseSpec(n + 1, items[(int)((long)n * 7 % items.Count)].Code, grids[n % grids.Count]);
    }
}
