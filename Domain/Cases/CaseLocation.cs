namespace GridCase.Domain.Cases;

public sealed record CaseLocation(double? Lat, double? Lng, string? Address);
