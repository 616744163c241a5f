namespace GridCase.Host.Seeding;

public sealed class DemoOptions
{
    /// <summary>Seed the demo org and users into an empty database. On by default for the embedded SQLite database.</summary>
    public bool? Seed { get; set; }
    public string Password { get; set; } = "Demo#2026";
}
