namespace GridCase.Host.Cases;

/// <summary>Configuration section "Reopen": how long after closure a supervisor may still reopen a case (案结事未了).</summary>
public sealed class ReopenOptions
{
    public const string Section = "Reopen";

    public int WindowDays { get; set; } = 30;
}
