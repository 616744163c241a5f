namespace GridCase.Host.Problems;

/// <summary>Answered with 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Answered with 403: the caller's role or org scope does not cover the thing.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
