namespace GridCase.Host.Repeats;

/// <summary>并案: the case the report joins, and why (optional).</summary>
public sealed record MergeCaseBody(Guid? MasterCaseId, string? Reason);
