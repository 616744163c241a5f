namespace GridCase.Host.Deadlines;

public sealed record ExtensionRequestBody(string? Reason, DateTimeOffset? NewDueAt);

public sealed record DecisionBody(string? Comment);

public sealed record SuspendBody(string? Reason);

public sealed record ExtensionRequestDto(
    Guid Id, Guid WorkItemId, Guid CaseId, string Stage, string RequestedBy, DateTimeOffset RequestedAt, string Reason,
    DateTimeOffset CurrentDueAt, DateTimeOffset RequestedDueAt, string Status, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? DecisionComment);
