namespace GridCase.Workflows.Inputs;

/// <summary>A label or help text in Chinese first, then English, as every user-facing text of GridCase.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public override string ToString() => $"{Zh} / {En}";
}
