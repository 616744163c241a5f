namespace GridCase.Host.Repeats;

/// <summary>一人多诉: one phone number with its cases in the window; the phone is masked unless the caller may see it whole.</summary>
public sealed record RepeatComplainantDto(
    string Phone, string? Name, int Cases, DateTimeOffset FirstReportedAt, DateTimeOffset LastReportedAt, IReadOnlyList<string> CaseNumbers);

/// <summary>一事多诉: a master with the reports merged into it.</summary>
public sealed record RepeatMatterDto(
    Guid Id, string Number, string Title, string? ItemCode, string? ItemName, string GridCode, string Stage, string Status,
    DateTimeOffset ReportedAt, int MergedReports, DateTimeOffset? LastMergedAt, IReadOnlyList<string> MergedCaseNumbers);
