namespace GridCase.Domain;

/// <summary>
/// A rule of the case model refused a request. Carries field errors so the HTTP layer can answer
/// 400 with ProblemDetails that name exactly what to fix.
/// </summary>
public sealed class DomainException(string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } =
        errors ?? new Dictionary<string, string[]>();

    public static DomainException Field(string field, string message) =>
        new(message, new Dictionary<string, string[]> { [field] = [message] });
}
