using System.Net.Http.Headers;

namespace GridCase.ApiTests.Infrastructure;

/// <summary>Multipart uploads as a browser sends them, and small files with real image signatures.</summary>
public static class Uploads
{
    public static async Task<HttpResponseMessage> PostFileAsync(
        this ApiClient client, string url, byte[] content, string fileName, string contentType, IDictionary<string, string>? fields = null)
    {
        await client.SignInAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
            form.Add(new StringContent(value), name);
        return await client.Http.PostAsync(url, form);
    }

    public static Task<HttpResponseMessage> UploadPhotoAsync(this ApiClient client, string caseId, string kind, byte[]? content = null, string fileName = "现场.jpg") =>
        client.PostFileAsync($"/api/cases/{caseId}/attachments", content ?? Jpeg(), fileName, "image/jpeg", new Dictionary<string, string> { ["kind"] = kind });

    /// <summary>A JPEG signature (SOI + APP0 "JFIF") followed by filler; <paramref name="seed"/> makes the bytes differ.</summary>
    public static byte[] Jpeg(int size = 2048, byte seed = 0) => Image([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00], size, seed);

    public static byte[] Png(int size = 2048) => Image([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], size, 1);

    public static byte[] Webp(int size = 2048) => Image([(byte)'R', (byte)'I', (byte)'F', (byte)'F', 0xF8, 0x07, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V', (byte)'P', (byte)'8', (byte)' '], size, 2);

    private static byte[] Image(byte[] signature, int size, byte seed)
    {
        var bytes = new byte[Math.Max(size, signature.Length)];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 31 + seed);
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}
