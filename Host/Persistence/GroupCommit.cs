using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridCase.Host.Persistence;

/// <summary>
/// Group commit on SQLite. A durable commit waits for the disk, and SQLite has one writer, so one commit per
/// stimulus caps the write rate at the disk's sync rate. Units of work that queue behind each other at the
/// <see cref="WriteGate"/> share one transaction on one writer connection instead: each runs in its own savepoint
/// (all or nothing on its own), and the unit that finds nobody queued behind it commits them all with one sync.
/// No unit returns before the commit that holds its writes is durable. Only the gate's holder touches this.
/// </summary>
public sealed class GroupCommit : IDisposable
{
    /// <summary>A bound on the units one commit carries, so that a steady queue still commits now and then.</summary>
    public const int MaxUnits = 32;

    private SqliteGridCaseDbContext? _owner;
    private IDbContextTransaction? _transaction;
    private TaskCompletionSource? _committed;
    private int _waiting;

    /// <summary>Units in the open transaction.</summary>
    public int Units { get; private set; }

    /// <summary>Transactions committed so far; with <see cref="UnitsCommitted"/>, how well units share a commit.</summary>
    public long Commits { get; private set; }

    public long UnitsCommitted { get; private set; }

    /// <summary>Units queued at the gate now; they always come through, so the open transaction can wait for them.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Queue() => Interlocked.Increment(ref _waiting);

    public void Dequeue() => Interlocked.Decrement(ref _waiting);

    /// <summary>
    /// The writer connection and its open transaction (begun IMMEDIATE if none is open) that the next unit joins,
    /// and the task that completes when that transaction has committed.
    /// </summary>
    public async Task<(DbConnection Connection, DbTransaction Transaction, Task Committed)> JoinAsync(DbContext unit)
    {
        if (_transaction is null)
        {
            // A context of our own opens the writer connection, so it is set up as EF sets up every SQLite connection. It takes
            // the units' own options: EF then shares their model instead of building a second one on the first write.
            if (_owner is null)
            {
                _owner = new SqliteGridCaseDbContext((DbContextOptions<SqliteGridCaseDbContext>)unit.GetService<IDbContextOptions>());
                // Opened once, the connection stays open across transactions instead of being reopened for each.
                await _owner.Database.OpenConnectionAsync(CancellationToken.None);
            }
            _transaction = await _owner.Database.BeginTransactionAsync(CancellationToken.None);
            _committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Units = 0;
        }
        Units++;
        return (_owner!.Database.GetDbConnection(), _transaction.GetDbTransaction(), _committed!.Task);
    }

    /// <summary>Commits the open transaction, if any, and answers every unit in it.</summary>
    public async Task FlushAsync()
    {
        if (_transaction is not { } transaction) return;
        var committed = _committed!;
        var units = Units;
        _transaction = null;
        _committed = null;
        try
        {
            await transaction.CommitAsync(CancellationToken.None);
            Commits++;
            UnitsCommitted += units;
            committed.SetResult();
        }
        catch (Exception e)
        {
            committed.SetException(e);
            throw;
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _owner?.Dispose();
    }
}
