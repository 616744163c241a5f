namespace GridCase.Host.Whistles;

/// <summary>吹哨: the departments summoned, why, and how long each has to report (ISO-8601, natural time, e.g. PT2H).</summary>
public sealed record WhistleRequest(IReadOnlyList<string>? Departments, string? Reason, string? ResponseLimit);
