using System.Security.Cryptography;
using System.Text.Json;
using GridCase.Domain;
using GridCase.Host.Persistence;
using GridCase.Host.Problems;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Cases;

/// <summary>
/// Idempotency-Key on reports: a client that retries after a lost answer gets the case its first request
/// made (200), not a second one. Keys are per user; the same key with another body is refused (422).
/// </summary>
public sealed class IdempotencyKeys(GridCaseDbContext db)
{
    public static void Validate(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyRecord.MaxKeyLength)
            throw DomainException.Field("Idempotency-Key", $"须为 1–{IdempotencyRecord.MaxKeyLength} 个字符 / must be 1 to {IdempotencyRecord.MaxKeyLength} characters");
    }

    /// <summary>The request as the server read it, so that formatting and property order do not matter.</summary>
    public static string Hash(ReportCaseRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, HashJson)));

    /// <summary>
    /// Default options, except that a number the binder read as infinite (e.g. 1e400) still hashes: the request
    /// is refused field by field after this, not with a 500 from here. Finite values hash as before.
    /// </summary>
    private static readonly JsonSerializerOptions HashJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The case an earlier request with this key made; null when the key is new.</summary>
    public async Task<Guid?> FindAsync(string userName, string key, string bodyHash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserName == userName && k.Key == key, cancellationToken);
        if (record is null) return null;
        if (record.BodyHash != bodyHash)
            throw new UnprocessableException("此 Idempotency-Key 已用于另一份上报 / this Idempotency-Key was used with a different report");
        return record.CaseId;
    }
}
