namespace GridCase.Domain.Attachments;

/// <summary>A photo or document on a case; the bytes live on disk under their content hash.</summary>
public sealed class Attachment
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public AttachmentKind Kind { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    /// <summary>The Handle task whose department uploaded it while that task was open: evidence of that round of handling.</summary>
    public Guid? HandleWorkItemId { get; init; }
    /// <summary>Uploaded with the report, before the case was first sent to a department (a before-photo of the report).</summary>
    public bool AtIntake { get; init; }
}
