namespace GridCase.Host.Persistence;

/// <summary>
/// A version per in-memory cache (the org tree, the calendars). An edit writes a new one in its own
/// transaction; every node compares it with the one it loaded and reloads when it moved.
/// </summary>
public sealed class CacheStamp
{
    public const string Org = "org";
    public const string Calendars = "calendars";

    public required string Name { get; init; }
    public Guid Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
