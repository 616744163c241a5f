using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCase.Host.Cases;

/// <summary>
/// The total beside a page of a long list: exact up to <see cref="ListOptions.TotalLimit"/>, past it that limit marked as a
/// lower bound. Counting every row of a million-case list costs more than the page itself, and nobody pages that far.
/// </summary>
public sealed class ListTotals(IOptions<ListOptions> options)
{
    private int Limit => options.Value.TotalLimit;

    public async Task<Page<T>> PageAsync<TRow, T>(IQueryable<TRow> filtered, int page, int pageSize, IReadOnlyList<T> items,
        CancellationToken cancellationToken) =>
        IsLast(items.Count, page, pageSize)
            ? Page(items, page, pageSize, counted: 0)
            : Page(items, page, pageSize, await CountAsync(filtered, cancellationToken));

    // A page that is not full is the last one: it tells the total without a count.
    private static bool IsLast(int rows, int page, int pageSize) => rows < pageSize && (rows > 0 || page == 1);

    /// <summary>The rows, counted up to one past the limit.</summary>
    public Task<int> CountAsync<TRow>(IQueryable<TRow> filtered, CancellationToken cancellationToken) =>
        filtered.Take(Limit + 1).CountAsync(cancellationToken);

    /// <summary>Whether a count from <see cref="CountAsync"/> is the whole total, not a lower bound.</summary>
    public bool IsExact(int counted) => counted <= Limit;

    /// <summary>The page with its total: from the page itself when it is the last, else from <paramref name="counted"/>.</summary>
    public Page<T> Page<T>(IReadOnlyList<T> items, int page, int pageSize, int counted) =>
        IsLast(items.Count, page, pageSize) ? new Page<T>(items, (page - 1) * pageSize + items.Count)
        : !IsExact(counted)
            // A full page beyond the limit proves more rows than the limit; an empty one past the end proves nothing more.
            ? new Page<T>(items, Math.Max(Limit, items.Count > 0 ? (page - 1) * pageSize + items.Count : 0), TotalIsLowerBound: true)
            : new Page<T>(items, counted);
}
