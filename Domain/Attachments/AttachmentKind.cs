namespace GridCase.Domain.Attachments;

/// <summary>Before (处置前), After (处置后) or Other evidence.</summary>
public enum AttachmentKind
{
    Before,
    After,
    Other,
}
