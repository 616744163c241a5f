using GridCase.Host.Hosting;

namespace GridCase.Host.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Queuing writers here, asynchronously, keeps them from blocking
/// thread-pool threads inside the provider's busy wait, which on a small machine shows up as a
/// second-long latency tail. Server databases lock rows themselves and pass straight through.
/// </summary>
public sealed class WriteGate(ProviderName provider)
{
    private readonly SemaphoreSlim? _gate = provider.IsSqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_gate is null) return Open.Instance;
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose() { }
    }
}
