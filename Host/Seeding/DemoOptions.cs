namespace GridCase.Host.Seeding;

public sealed class DemoOptions
{
    /// <summary>Seed the demo users into a database without users. Unset: on in Development (what <c>dotnet run</c> starts), off elsewhere.</summary>
    public bool? Seed { get; set; }
    public string Password { get; set; } = "Demo#2026";

    /// <summary>Seed the demo cases (<see cref="DemoCases"/>) into a database without cases. Unset: whenever the demo is on.</summary>
    public bool? Cases { get; set; }

    /// <summary>
    /// The demo whistle's response limit (ISO-8601 natural time): short, so its unanswered summons really goes overdue
    /// by its SLA timer a minute after the first start and shows on the supervision list.
    /// </summary>
    public string LateSummonsLimit { get; set; } = "PT1M";
}

/// <summary>Whether this host runs the demo: its users exist with the published password, and the login page may list them.</summary>
public sealed record DemoMode(bool Enabled)
{
    public static DemoMode From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration.GetValue<bool?>("Demo:Seed") ?? environment.IsDevelopment());
}
