using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridCase.Host.Persistence;

/// <summary>
/// One write: the SQLite write gate, a transaction, the work, SaveChanges and commit. When a concurrency
/// token shows that somebody else wrote first, everything is done again from a fresh read — the work
/// must therefore load what it changes itself, and do its side effects (scheduling jobs) after it returns.
/// On SQLite the transaction is a savepoint in the group commit of the units queued together (<see cref="GroupCommit"/>);
/// either way the unit is all or nothing and returns only once it is durable.
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
        gate.GroupsCommits
            ? gate.RunUnitAsync(db, ct => AttemptAsync(work, ct, retryAlso, attempts), cancellationToken)
            : gate.RunAsync(() => AttemptAsync(work, cancellationToken, retryAlso, attempts), cancellationToken);

    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async ct => { await work(ct); return true; }, cancellationToken);

    private async Task<T> AttemptAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken,
        Func<DbUpdateException, bool>? retryAlso, int attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > DefaultAttempts) await Task.Delay(Random.Shared.Next(5, 50), cancellationToken);
            db.ChangeTracker.Clear();
            await using var step = await Step.BeginAsync(db, cancellationToken);
            var result = await work(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await step.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException e) when (attempt < attempts && (e is DbUpdateConcurrencyException || retryAlso?.Invoke(e) == true))
            {
                // Somebody else wrote first: start over from what is in the database now.
            }
        }
    }

    /// <summary>
    /// A transaction of its own, or a savepoint inside the group's transaction the gate put the context in.
    /// Disposed uncommitted, it undoes exactly this attempt.
    /// </summary>
    private sealed class Step(DatabaseFacade database, IDbContextTransaction transaction, bool savepoint) : IAsyncDisposable
    {
        private const string Name = "unit_of_work";
        private bool _done;

        public static async Task<Step> BeginAsync(DbContext db, CancellationToken cancellationToken)
        {
            if (db.Database.CurrentTransaction is not { } group)
                return new Step(db.Database, await db.Database.BeginTransactionAsync(cancellationToken), savepoint: false);
            // Ours is the savepoint; EF's own around SaveChanges would be a second one per unit.
            db.Database.AutoSavepointsEnabled = false;
            await group.CreateSavepointAsync(Name, cancellationToken);
            return new Step(db.Database, group, savepoint: true);
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (savepoint) await transaction.ReleaseSavepointAsync(Name, cancellationToken);
            else await transaction.CommitAsync(cancellationToken);
            _done = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!savepoint)
            {
                await transaction.DisposeAsync();
                return;
            }
            if (!_done)
            {
                await transaction.RollbackToSavepointAsync(Name, CancellationToken.None);
                await transaction.ReleaseSavepointAsync(Name, CancellationToken.None);
            }
            database.AutoSavepointsEnabled = true;
        }
    }
}
