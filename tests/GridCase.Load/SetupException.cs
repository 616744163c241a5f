namespace GridCase.Load;

/// <summary>The run cannot start (no host, no build, no data); the message says what to do.</summary>
public sealed class SetupException(string message) : Exception(message);
