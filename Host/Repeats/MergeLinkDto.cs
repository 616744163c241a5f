namespace GridCase.Host.Repeats;

/// <summary>One end of a merge: the master a report joined, or a report merged into a master.</summary>
public sealed record MergeLinkDto(Guid Id, string Number, string Title, string Stage, string Status, DateTimeOffset ReportedAt, DateTimeOffset? MergedAt);
