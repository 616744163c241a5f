using GridCase.ApiTests.Deadlines;

namespace GridCase.ApiTests.Repeats;

/// <summary>A host on a fake clock with the repeat settings the tests name, so that each window is told apart.</summary>
public sealed class RepeatApp : ClockedApp
{
    public RepeatApp()
    {
        Settings = new()
        {
            ["Duplicates:Window"] = "30.00:00:00",
            ["Duplicates:RecentlyClosed"] = "3.00:00:00",
            ["RepeatComplaints:MinCases"] = "3",
            ["RepeatComplaints:MinMergedReports"] = "2",
        };
    }
}
