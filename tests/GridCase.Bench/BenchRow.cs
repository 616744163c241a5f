namespace GridCase.Bench;

/// <summary>One line of the printed table: what was measured, beside its target; <see cref="Met"/> is null where there is no target.</summary>
public sealed record BenchRow(string Name, string Measured, string Target, bool? Met)
{
    public string Mark => Met switch { true => "met", false => "MISSED", null => "" };
}
