using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Queuing writers here, asynchronously, keeps them from blocking
/// thread-pool threads inside the provider's busy wait, which on a small machine shows up as a
/// second-long latency tail, and keeps a deferred transaction from reading a snapshot that another
/// writer then makes stale. Server databases lock rows themselves and pass straight through.
/// The gate is held for a whole <see cref="UnitOfWork"/>, and <see cref="GridCaseDbContext"/> takes it
/// for any other SaveChanges, so no write path can forget it. It is re-entrant within one async flow, and
/// shared by every host of the process on the same file (<see cref="SqliteFileLock"/> keeps other processes off it).
/// Units of work queued behind each other share one durable commit (<see cref="GroupCommit"/>).
/// </summary>
public sealed class WriteGate(SqliteFileLock? sqlite = null)
{
    private static readonly AsyncLocal<SemaphoreSlim?> Holder = new();
    private readonly SemaphoreSlim? _gate = sqlite?.Writers;
    private readonly GroupCommit? _commits = sqlite?.Commits;

    /// <summary>Whether units of work go through <see cref="RunUnitAsync{T}"/> (SQLite) or open their own transaction.</summary>
    public bool GroupsCommits => _commits is not null;

    /// <summary>Runs <paramref name="work"/> as the only writer of this process (on SQLite), on its own connection.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (_gate is null || Holder.Value == _gate) return await work();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Set inside this method, so it flows into the work and never back out to the caller.
            Holder.Value = _gate;
            // A group left open for a queued unit is committed first: this write runs outside it.
            await _commits!.FlushAsync();
            return await work();
        }
        finally
        {
            Holder.Value = null;
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs one unit of work as the only writer of this process, with <paramref name="db"/> on the shared writer
    /// connection inside the group's transaction, and returns once the commit that holds it is durable.
    /// The unit makes its own savepoint: a unit that fails leaves the others of its group untouched.
    /// </summary>
    public async Task<T> RunUnitAsync<T>(DbContext db, Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        var commits = _commits ?? throw new InvalidOperationException("group commit is for SQLite only");
        if (Holder.Value == _gate) return await unit(cancellationToken);
        // Not cancellable once queued: the unit ahead may have left the group open for this one to commit.
        commits.Queue();
        await _gate!.WaitAsync(CancellationToken.None);
        commits.Dequeue();
        Task committed = Task.CompletedTask;
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        try
        {
            Holder.Value = _gate;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (connection, transaction, groupCommitted) = await commits.JoinAsync(db);
                committed = groupCommitted;
                var own = db.Database.GetConnectionString();
                db.Database.SetDbConnection(connection, contextOwnsConnection: false);
                try
                {
                    await db.Database.UseTransactionAsync(transaction, cancellationToken);
                    result = await unit(cancellationToken);
                }
                finally
                {
                    await db.Database.UseTransactionAsync(null, CancellationToken.None);
                    // Back on a connection of its own for whatever the request reads next. Setting only the connection
                    // string would rewrite the writer connection's string and leave the context on it: first let go of it.
                    db.Database.SetDbConnection(null);
                    db.Database.SetConnectionString(own);
                }
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                if (commits.Waiting == 0 || commits.Units >= GroupCommit.MaxUnits) await commits.FlushAsync();
            }
        }
        finally
        {
            Holder.Value = null;
            _gate.Release();
        }
        // A unit that failed waits for its group too: whatever it lost to (a key another unit of the group wrote)
        // is committed, and so visible to what its caller reads next, by the time the failure is seen.
        if (failure is not null)
        {
            await committed.ContinueWith(_ => { }, TaskScheduler.Default);
            failure.Throw();
        }
        await committed;
        return result;
    }
}
