namespace GridCase.Host.Seeding;

public sealed class DemoOptions
{
    /// <summary>Seed the demo users into a database without users. Unset: on in Development (what <c>dotnet run</c> starts), off elsewhere.</summary>
    public bool? Seed { get; set; }
    public string Password { get; set; } = "Demo#2026";
}

/// <summary>Whether this host runs the demo: its users exist with the published password, and the login page may list them.</summary>
public sealed record DemoMode(bool Enabled)
{
    public static DemoMode From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration.GetValue<bool?>("Demo:Seed") ?? environment.IsDevelopment());
}
