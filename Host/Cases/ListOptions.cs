namespace GridCase.Host.Cases;

/// <summary>Configuration section "Lists": how far the long lists (cases, inbox, supervision) count their total.</summary>
public sealed class ListOptions
{
    public const string Section = "Lists";

    /// <summary>A total is counted up to this many rows; past it the page says its total is a lower bound.</summary>
    public int TotalLimit { get; set; } = 10_000;
}
