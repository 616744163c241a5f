using System.Text.Json.Serialization;
using GridCase.Host.Seeding;

namespace GridCase.Host.Auth;

/// <summary>What the login page may offer: with the demo on, its users and their shared password; otherwise nothing.</summary>
public sealed record DemoInfo(
    bool Enabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Password,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DemoUser>? Users);
