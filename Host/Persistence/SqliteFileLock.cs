using Microsoft.Data.Sqlite;

namespace GridCase.Host.Persistence;

/// <summary>
/// One process per SQLite file. Writers queue in-process (<see cref="WriteGate"/>), which coordinates
/// nothing across processes; so a second process is refused at startup instead of racing the first.
/// The lock is an exclusive lock file beside the database, held for the process lifetime and re-entrant
/// within one process (several hosts in one test process share it).
/// </summary>
public sealed class SqliteFileLock : IDisposable
{
    private static readonly Lock Sync = new();
    private static readonly Dictionary<string, (FileStream Stream, SemaphoreSlim Writers, GroupCommit Commits, int Holders)> Held = [];
    private readonly string _path;
    private int _disposed;

    public SqliteFileLock(string connectionString)
    {
        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        _path = database + ".lock";
        lock (Sync)
        {
            if (Held.TryGetValue(_path, out var held))
            {
                Held[_path] = held with { Holders = held.Holders + 1 };
                Writers = held.Writers;
                Commits = held.Commits;
                return;
            }
            try
            {
                // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: either way another process cannot open it.
                var stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Writers = new SemaphoreSlim(1, 1);
                Commits = new GroupCommit();
                Held[_path] = (stream, Writers, Commits, 1);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException(
                    $"另一个 GridCase 进程正在使用 SQLite 数据库 {database}；SQLite 只供一个进程使用，多节点请用 SQL Server 或 PostgreSQL / " +
                    $"another GridCase process already uses the SQLite database {database} (lock file {_path}); SQLite serves one process — run several nodes on SQL Server or PostgreSQL",
                    e);
            }
        }
    }

    /// <summary>The one writer queue of this process for this file (see <see cref="WriteGate"/>).</summary>
    public SemaphoreSlim Writers { get; } = null!;

    /// <summary>The shared transaction of the writers queued on <see cref="Writers"/> (see <see cref="GroupCommit"/>).</summary>
    public GroupCommit Commits { get; } = null!;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        lock (Sync)
        {
            if (!Held.TryGetValue(_path, out var held)) return;
            if (held.Holders > 1)
            {
                Held[_path] = held with { Holders = held.Holders - 1 };
                return;
            }
            Held.Remove(_path);
            held.Commits.Dispose();
            held.Stream.Dispose();
        }
    }
}
