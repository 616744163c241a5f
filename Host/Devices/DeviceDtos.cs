namespace GridCase.Host.Devices;

/// <param name="DeviceId">Optional: a code of letters, digits, '.', '_' or '-' (≤ 48); one is made up when left out.</param>
/// <param name="Kind">What it senses: an alert kind such as Smoke, WaterLevel, ManholeCoverTilt.</param>
public sealed record RegisterDeviceRequest(string? DeviceId, string? Kind, string? GridCode, DeviceLocationDto? Location);

public sealed record DeviceLocationDto(double? Lat, double? Lng, string? Address);

public sealed record DeviceDto(string DeviceId, string Kind, string GridCode, DeviceLocationDto Location, DateTimeOffset RegisteredAt, string RegisteredBy);

/// <param name="DeviceKey">Shown this once: the device sends it with each alert (Authorization: Device &lt;key&gt;). Only its hash is stored.</param>
public sealed record RegisteredDeviceDto(DeviceDto Device, string DeviceKey);
