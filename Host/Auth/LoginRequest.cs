namespace GridCase.Host.Auth;

public sealed record LoginRequest(string? UserName, string? Password);
