using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Cases;

/// <summary>
/// The total beside a page of a long list: exact up to <see cref="ListOptions.TotalLimit"/>, past it that limit marked as a
/// lower bound. Counting every row of a million-case list costs more than the page itself, and nobody pages that far.
/// </summary>
public sealed class ListTotals(IOptions<ListOptions> options)
{
    public async Task<Page<T>> PageAsync<TRow, T>(IQueryable<TRow> filtered, int page, int pageSize, IReadOnlyList<T> items,
        CancellationToken cancellationToken)
    {
        var before = (page - 1) * pageSize;
        // A page that is not full is the last one: it tells the total without a count.
        if (items.Count < pageSize && (items.Count > 0 || page == 1)) return new Page<T>(items, before + items.Count);
        var limit = options.Value.TotalLimit;
        var counted = await filtered.Take(limit + 1).CountAsync(cancellationToken);
        return counted > limit
            // A full page beyond the limit proves more rows than the limit; an empty one past the end proves nothing more.
            ? new Page<T>(items, Math.Max(limit, items.Count > 0 ? before + items.Count : 0), TotalIsLowerBound: true)
            : new Page<T>(items, counted);
    }
}
