namespace GridCase.Host.Alerts;

/// <param name="Kind">Smoke | WaterLevel | ManholeCoverTilt | ElectricBikeCharging | ElevatorTrapped | a kind configured under Alerts:Kinds.</param>
/// <param name="Value">The reading, when the sensor has one (e.g. a water level in metres, a tilt in degrees).</param>
/// <param name="ObservedAt">When the device observed it, with its offset.</param>
public sealed record AlertRequest(string? DeviceId, string? Kind, double? Value, DateTimeOffset? ObservedAt, string? PhotoUrl);

/// <param name="Folded">True when the alert repeated one of the last window and was counted on that open case.</param>
public sealed record AlertResultDto(Guid CaseId, string CaseNumber, bool Folded, int AlertCount);
