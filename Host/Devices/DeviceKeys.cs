using System.Security.Cryptography;
using System.Text;

namespace GridCase.Host.Devices;

/// <summary>
/// Device keys: 32 random bytes in base64url, stored as their SHA-256. A key is found by its hash, so neither the
/// stored value nor the lookup (on the hash of what was sent, never on the key) tells anything about a key.
/// </summary>
public static class DeviceKeys
{
    public const int MaxDeviceIdLength = 48;
    /// <summary>Keys are 43 characters; anything much longer is not one, and is not hashed.</summary>
    public const int MaxKeyLength = 128;

    public static (string Key, byte[] Hash) New()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
