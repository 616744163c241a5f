namespace GridCase.Domain;

/// <summary>The request came too late: somebody else changed the thing first. Answered with 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
