namespace GridCase.Domain.Cases;

public sealed record Reporter(string? Name, string? Phone);
