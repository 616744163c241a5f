namespace GridCase.Host.Signals;

/// <summary>Signals GridCase raises itself when something happens to a case; a WaitForSignal of that name resumes on it.</summary>
public static class InternalSignals
{
    /// <summary>A photo or file was uploaded to the case.</summary>
    public const string AttachmentAdded = nameof(AttachmentAdded);

    /// <summary>The reporter answered (recorded by an acceptor or a callback agent).</summary>
    public const string ReporterReplied = nameof(ReporterReplied);
}
