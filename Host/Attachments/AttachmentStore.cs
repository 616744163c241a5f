using System.Security.Cryptography;
using GridCase.Host.Persistence;

namespace GridCase.Host.Attachments;

/// <summary>
/// Attachment bytes on disk under the data folder, named by their SHA-256 (attachments/ab/abcdef…): the same photo
/// uploaded twice is stored once, and a file once written never changes, so readers need no locking.
/// </summary>
public sealed class AttachmentStore(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly string _root = Path.Combine(PersistenceSetup.DataFolder(configuration, environment), "attachments");

    private static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256);

    /// <summary>Writes the bytes unless a file of that hash is there already; returns the hash.</summary>
    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var sha256 = HashOf(content);
        var path = PathOf(sha256);
        if (File.Exists(path)) return sha256;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved into place, so a reader or a crash never sees half a file under the final name.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone stored the same bytes meanwhile; theirs is identical.
            File.Delete(temporary);
        }
        return sha256;
    }
}
