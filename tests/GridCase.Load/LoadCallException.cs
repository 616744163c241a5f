namespace GridCase.Load;

/// <summary>A call failed and has already been counted in the error log; the case it belonged to is abandoned.</summary>
public sealed class LoadCallException(string message) : Exception(message);
