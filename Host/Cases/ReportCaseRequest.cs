namespace GridCase.Host.Cases;

/// <summary>A new report. Enum-like fields are strings so that a wrong value is answered field by field.</summary>
public sealed record ReportCaseRequest(
    string? Channel, string? Title, string? Description, string? ItemCode, ReportLocation? Location, ReportReporter? Reporter);

public sealed record ReportLocation(string? GridCode, double? Lat, double? Lng, string? Address);

public sealed record ReportReporter(string? Name, string? Phone);
