namespace GridCase.Host.Repeats;

/// <summary><c>Duplicates:*</c>: what counts as a likely duplicate of a new report (疑似重复).</summary>
public sealed class DuplicateOptions
{
    /// <summary>At most this far apart, in metres (great-circle distance between the reported points).</summary>
    public double RadiusMetres { get; set; } = 200;

    /// <summary>Reported at most this long before the new report.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A closed case is still a candidate this long after it closed (the resident may not have seen the fix).</summary>
    public TimeSpan RecentlyClosed { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Also cases of other items in the same catalog category, not only of the same item.</summary>
    public bool MatchCategory { get; set; } = true;

    /// <summary>The nearest this many are shown.</summary>
    public int MaxCandidates { get; set; } = 10;
}
