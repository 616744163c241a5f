namespace GridCase.Host.FlowBindings;

/// <summary>One replacement of the binding list: who, when, and the lists before and after (JSON).</summary>
public sealed class FlowBindingChange
{
    public long Id { get; set; }
    public required string ChangedBy { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public required string Before { get; init; }
    public required string After { get; init; }
}
