using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Persistence;

/// <summary>
/// One write: the SQLite write gate, a transaction, the work, SaveChanges and commit. When a concurrency
/// token shows that somebody else wrote first, everything is done again from a fresh read — the work
/// must therefore load what it changes itself, and do its side effects (scheduling jobs) after it returns.
/// </summary>
public sealed class UnitOfWork(GridCaseDbContext db, WriteGate gate)
{
    public const int DefaultAttempts = 4;

    /// <param name="retryAlso">Other failures that mean "somebody was first", e.g. a unique index a racing writer filled.</param>
    /// <param name="attempts">
    /// How often to try in all. A writer that many others race on one row (a burst of duplicate alerts on a server
    /// database) asks for more; from the third attempt on each waits a few random milliseconds, so the racers spread out.
    /// </param>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken,
        Func<DbUpdateException, bool>? retryAlso = null, int attempts = DefaultAttempts) =>
        gate.RunAsync(async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                if (attempt > DefaultAttempts) await Task.Delay(Random.Shared.Next(5, 50), cancellationToken);
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await work(cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                }
                catch (DbUpdateException e) when (attempt < attempts && (e is DbUpdateConcurrencyException || retryAlso?.Invoke(e) == true))
                {
                    // Somebody else wrote first: start over from what is in the database now.
                }
            }
        }, cancellationToken);

    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async ct => { await work(ct); return true; }, cancellationToken);
}
