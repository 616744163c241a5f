namespace GridCase.Host.Cases;

/// <summary>An Idempotency-Key a user sent with a report: the same key and body give back the same case.</summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 128;

    public long Id { get; set; }
    public required string UserName { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 of the report as the server read it, hex.</summary>
    public required string BodyHash { get; init; }
    public Guid CaseId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
