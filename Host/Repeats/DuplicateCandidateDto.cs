namespace GridCase.Host.Repeats;

/// <summary>
/// A case that may report the same problem as the one being accepted. <paramref name="DistanceMetres"/> is null when one
/// of the two has no coordinates and they share the grid.
/// </summary>
public sealed record DuplicateCandidateDto(
    Guid Id, string Number, string Title, string? ItemCode, string? ItemName, bool SameItem, double? DistanceMetres,
    string GridCode, string Stage, string Status, DateTimeOffset ReportedAt, DateTimeOffset? ClosedAt, int MergedReports);
