namespace GridCase.Host.Alerts;

/// <summary>Configuration section "Alerts".</summary>
public sealed class AlertOptions
{
    /// <summary>An alert of a device and kind within this long of the last one folds into that one's case while it is open.</summary>
    public TimeSpan FoldWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Alert kind → catalog item its cases are classified as. Configuration adds kinds or changes an item per key
    /// (Alerts:Kinds:Smoke=…); an empty item switches a kind off. The defaults are items the sensor flow can close on
    /// the duty team's evidence (photos, comment): none needs a verification or a resident callback.
    /// </summary>
    public Dictionary<string, string> Kinds { get; set; } = new(StringComparer.Ordinal)
    {
        // 火灾自动报警系统（烟感）报警: 09.001 火灾 would need a passed verification, which no sensor flow has.
        ["Smoke"] = "13.012",
        ["WaterLevel"] = "09.008",
        ["ManholeCoverTilt"] = "01.009",
        ["ElectricBikeCharging"] = "13.005",
        ["ElevatorTrapped"] = "09.018",
    };

    public IReadOnlyList<string> KindNames => [.. Kinds.Where(k => !string.IsNullOrWhiteSpace(k.Value)).Select(k => k.Key).Order(StringComparer.Ordinal)];

    public string? ItemOf(string kind) => Kinds.TryGetValue(kind, out var item) && !string.IsNullOrWhiteSpace(item) ? item : null;
}
