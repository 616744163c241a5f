namespace GridCase.Load;

/// <summary>What one case is about and where it happens.</summary>
public sealed record CaseSpec(int Number, string ItemCode, string GridCode);

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
