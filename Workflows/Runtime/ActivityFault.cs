namespace GridCase.Workflows.Runtime;

/// <summary>
/// An automatic activity that threw: the instance stands still at it (Faulted) until a retry runs it again.
/// Its branch waits; the rest of the instance, and the stimulus that led here, are kept.
/// </summary>
public sealed record ActivityFault(string ActivityId, string Error, DateTimeOffset At);
