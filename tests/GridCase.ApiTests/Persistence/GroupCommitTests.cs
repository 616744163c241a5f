using System.Data.Common;
using GridCase.Host.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.ApiTests.Persistence;

/// <summary>
/// Units of work queued behind a writer on one SQLite file share a commit, each stays all or nothing on its own,
/// and none returns before its writes are durable (read back here through a connection of its own).
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gridcase-group-commit-").FullName;
    private ServiceProvider _services = null!;
    private GroupCommit _commits = null!;

    private string Connection => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "gridcase.db") }.ToString();

    public async Task InitializeAsync()
    {
        var connection = Connection;
        _services = new ServiceCollection()
            .AddSqliteDatabase(connection)
            .AddSingleton<WriteGate>()
            .AddScoped<UnitOfWork>()
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        _commits = _services.GetRequiredService<SqliteFileLock>().Commits;
    }

    [Fact]
    public async Task Units_queued_behind_a_writer_commit_together_and_each_returns_durable()
    {
        var release = new TaskCompletionSource();
        var before = (_commits.Commits, _commits.UnitsCommitted);
        var first = RunAsync("first", async () => await release.Task);
        var queued = Enumerable.Range(0, 10).Select(i => RunAsync($"queued-{i}")).ToList();
        await QueuedAsync(10);

        release.SetResult();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal(1, _commits.Commits - before.Commits);
        Assert.Equal(11, _commits.UnitsCommitted - before.UnitsCommitted);
        Assert.Equal(["first", .. Enumerable.Range(0, 10).Select(i => $"queued-{i}")], await DurableNamesAsync());
    }

    [Fact]
    public async Task A_unit_that_fails_after_writing_takes_back_its_own_writes_only()
    {
        var release = new TaskCompletionSource();
        var first = RunAsync("first", async () => await release.Task);
        var queued = Enumerable.Range(0, 6)
            .Select(i => RunAsync($"queued-{i}", failAfterWriting: i % 2 == 1))
            .ToList();
        await QueuedAsync(6);

        release.SetResult();
        await first;
        foreach (var (unit, i) in queued.Select((u, i) => (u, i)))
        {
            if (i % 2 == 1) Assert.Equal($"queued-{i} failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => unit)).Message);
            else await unit;
        }

        Assert.Equal(["first", "queued-0", "queued-2", "queued-4"], await DurableNamesAsync());
    }

    [Fact]
    public async Task After_its_unit_a_request_reads_on_a_connection_of_its_own_while_the_next_group_is_open()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDbContext>();
        DbConnection? writer = null;
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(ct =>
        {
            writer = db.Database.GetDbConnection();
            db.CacheStamps.Add(new CacheStamp { Name = "mine", Version = Guid.NewGuid(), ChangedAt = DateTimeOffset.UnixEpoch });
            return Task.CompletedTask;
        }, CancellationToken.None);

        var release = new TaskCompletionSource();
        var next = RunAsync("next", async () => await release.Task);
        await Task.Delay(50);
        Assert.NotSame(writer, db.Database.GetDbConnection());
        Assert.Equal(["mine"], await db.CacheStamps.Select(s => s.Name).ToListAsync());
        release.SetResult();
        await next;
    }

    [Fact]
    public async Task A_context_back_from_the_pool_after_a_failed_unit_keeps_nothing_of_the_unit()
    {
        GridCaseDbContext used;
        DbConnection? writer = null;
        await using (var scope = _services.CreateAsyncScope())
        {
            used = scope.ServiceProvider.GetRequiredService<GridCaseDbContext>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(async ct =>
            {
                writer = used.Database.GetDbConnection();
                used.CacheStamps.Add(new CacheStamp { Name = "lost", Version = Guid.NewGuid(), ChangedAt = DateTimeOffset.UnixEpoch });
                await used.SaveChangesAsync(ct);
                throw new InvalidOperationException("the unit failed");
            }, CancellationToken.None));
        }

        await using var next = _services.CreateAsyncScope();
        var db = next.ServiceProvider.GetRequiredService<GridCaseDbContext>();
        Assert.Same(used, db);
        Assert.NotSame(writer, db.Database.GetDbConnection());
        Assert.Equal(Connection, db.Database.GetConnectionString());
        Assert.Null(db.Database.CurrentTransaction);
        Assert.True(db.Database.AutoSavepointsEnabled);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Empty(await db.CacheStamps.ToListAsync());
    }

    /// <summary>One unit of work in a scope of its own, as each request has, writing one row named <paramref name="name"/>.</summary>
    private async Task RunAsync(string name, Func<Task>? holdGate = null, bool failAfterWriting = false)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDbContext>();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(async ct =>
        {
            db.CacheStamps.Add(new CacheStamp { Name = name, Version = Guid.NewGuid(), ChangedAt = DateTimeOffset.UnixEpoch });
            if (holdGate is not null) await holdGate();
            if (!failAfterWriting) return;
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException($"{name} failed");
        }, CancellationToken.None);
    }

    private async Task QueuedAsync(int units)
    {
        for (var i = 0; i < 500 && _commits.Waiting < units; i++) await Task.Delay(10);
        Assert.Equal(units, _commits.Waiting);
    }

    private async Task<List<string>> DurableNamesAsync()
    {
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name FROM CacheStamps ORDER BY Name";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
