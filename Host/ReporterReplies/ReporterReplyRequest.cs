namespace GridCase.Host.ReporterReplies;

/// <param name="Text">What the reporter said, as the acceptor or callback agent took it down.</param>
public sealed record ReporterReplyRequest(string? Text);
