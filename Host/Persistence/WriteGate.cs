namespace GridCase.Host.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Queuing writers here, asynchronously, keeps them from blocking
/// thread-pool threads inside the provider's busy wait, which on a small machine shows up as a
/// second-long latency tail, and keeps a deferred transaction from reading a snapshot that another
/// writer then makes stale. Server databases lock rows themselves and pass straight through.
/// The gate is held for a whole <see cref="UnitOfWork"/>, and <see cref="GridCaseDbContext"/> takes it
/// for any other SaveChanges, so no write path can forget it. It is re-entrant within one async flow, and
/// shared by every host of the process on the same file (<see cref="SqliteFileLock"/> keeps other processes off it).
/// </summary>
public sealed class WriteGate(SqliteFileLock? sqlite = null)
{
    private static readonly AsyncLocal<SemaphoreSlim?> Holder = new();
    private readonly SemaphoreSlim? _gate = sqlite?.Writers;

    /// <summary>Runs <paramref name="work"/> as the only writer of this process (on SQLite).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (_gate is null || Holder.Value == _gate) return await work();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Set inside this method, so it flows into the work and never back out to the caller.
            Holder.Value = _gate;
            return await work();
        }
        finally
        {
            Holder.Value = null;
            _gate.Release();
        }
    }
}
