namespace GridCase.Host.Alerts;

/// <summary>
/// The case a device's alerts of one kind currently fold into. One row per (device, kind), so two alerts racing to
/// open a case collide on the key or on <see cref="Version"/>, and the loser folds into the winner's case.
/// </summary>
public sealed class AlertSeries
{
    public required string DeviceId { get; init; }
    public required string Kind { get; init; }
    public Guid CaseId { get; set; }
    public DateTimeOffset LastAlertAt { get; set; }
    public Guid Version { get; set; }
}
