using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GridCase.Host.Persistence;

/// <summary>
/// Npgsql refuses to write a DateTimeOffset with a non-zero offset into timestamptz, and deadlines carry
/// +08:00. timestamptz keeps the instant, not the offset, so nothing is lost by writing it as UTC; reads
/// come back as UTC, as they do from SQLite.
/// </summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
