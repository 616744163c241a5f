namespace GridCase.Domain.Cases;

/// <summary>Where a report came in (渠道).</summary>
public enum Channel
{
    Hotline12345,
    App,
    GridPatrol,
    Sensor,
    Web,
}
