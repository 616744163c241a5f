namespace GridCase.Host.Problems;

/// <summary>Answered with 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Answered with 403: the caller's role or org scope does not cover the thing.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Answered with 422: well-formed, but it contradicts what the server already holds (e.g. a reused Idempotency-Key).</summary>
public sealed class UnprocessableException(string message) : Exception(message);

/// <summary>Answered with 401: the credentials given do not prove who the caller says it is (e.g. a device key for another device).</summary>
public sealed class UnauthorizedException(string message) : Exception(message);
