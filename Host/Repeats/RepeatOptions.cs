namespace GridCase.Host.Repeats;

/// <summary><c>RepeatComplaints:*</c>: when a reporter or a matter counts as repeated.</summary>
public sealed class RepeatOptions
{
    /// <summary>一人多诉: the window the cases of one phone number are counted in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>一人多诉: at least this many cases from one phone number within the window.</summary>
    public int MinCases { get; set; } = 3;

    /// <summary>一事多诉: at least this many reports merged into one master.</summary>
    public int MinMergedReports { get; set; } = 2;
}
