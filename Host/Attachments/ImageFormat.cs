namespace GridCase.Host.Attachments;

/// <summary>
/// Tells an image type by its first bytes. The name and the content type a client sends are its own say-so;
/// the signature is what a viewer will actually decode.
/// </summary>
public static class ImageFormat
{
    /// <summary>The content type of a JPEG, PNG or WebP image, or null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => "",
    };
}
