namespace GridCase.Host.Dashboard;

/// <summary>一屏观全域: the figures of the caller's org scope at one instant.</summary>
public sealed record DashboardDto(
    DateTimeOffset At,
    string OrgUnitCode,
    int TotalCases,
    int OpenCases,
    IReadOnlyList<StageCountDto> ByStage,
    IReadOnlyList<UnitCountDto> OverdueByDepartment,
    RateDto OnTimeClosure,
    RateDto Satisfaction,
    IReadOnlyList<DayCountDto> Trend,
    IReadOnlyList<UnitCountDto> TopCategoriesThisWeek,
    IReadOnlyList<UnitCountDto> OpenByGrid,
    /// <summary>Tiered handling: of the assessed cases that ran on responsible levels, the share solved within the grid or the community.</summary>
    RateDto SolvedWithinGridAndCommunity,
    /// <summary>Tiered handling: assessed cases by the level they were solved at (Grid, Community, Subdistrict, District).</summary>
    IReadOnlyList<LevelCountDto> SolvedByLevel);

public sealed record StageCountDto(string Stage, int Count);

public sealed record LevelCountDto(string Level, int Count);

/// <summary>A count for a department, a category or a grid, with its name.</summary>
public sealed record UnitCountDto(string Code, string Name, int Count);

/// <summary>A share of <see cref="Of"/>; <see cref="Rate"/> is null while there is nothing to count.</summary>
public sealed record RateDto(int Count, int Of, double? Rate);

/// <summary>Cases reported and closed on one local calendar day.</summary>
public sealed record DayCountDto(DateOnly Date, int Reported, int Closed);
