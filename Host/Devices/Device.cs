namespace GridCase.Host.Devices;

/// <summary>
/// 感知设备: a sensor registered in a grid, whose alerts report cases there. Only the SHA-256 of its key is kept:
/// the key itself is shown once, at registration.
/// </summary>
public sealed class Device
{
    public required string DeviceId { get; init; }
    /// <summary>What it senses, one of the alert kinds (Alerts:Kinds).</summary>
    public required string Kind { get; init; }
    public required string GridCode { get; init; }
    public double? Lat { get; init; }
    public double? Lng { get; init; }
    public string? Address { get; init; }
    public required byte[] KeyHash { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public required string RegisteredBy { get; init; }
}
