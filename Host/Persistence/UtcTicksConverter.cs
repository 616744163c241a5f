using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GridCase.Host.Persistence;

/// <summary>
/// SQLite has no instant type. Stored as UTC ticks, instants compare and sort in SQL exactly as on the
/// other providers, whatever offset they were written with (deadlines carry +08:00, the clock +00:00).
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
