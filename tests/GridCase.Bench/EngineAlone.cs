using System.Diagnostics;
using GridCase.Host.Persistence;
using GridCase.Workflows;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Bench;

/// <summary>
/// The engine in this process, no HTTP: per iteration one start and one resume, each its own unit of work
/// (the Host's write gate, transaction, SaveChanges and commit) on a SQLite file set up as the Host sets it up,
/// or on a fresh PostgreSQL database.
/// </summary>
/// <param name="newPostgreSqlDatabase">Creates a database (named after the argument) and returns its connection string; null runs on SQLite.</param>
public sealed class EngineAlone(string folder, Func<string, CancellationToken, Task<string>>? newPostgreSqlDatabase = null)
{
    public async Task<double> WorkflowsPerSecondAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var collection = new ServiceCollection().AddWorkflowEngine().AddScoped<UnitOfWork>();
        if (newPostgreSqlDatabase is null)
        {
            var file = Path.Combine(folder, $"engine-{concurrency}.db");
            var connection = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file }.ToString();
            collection
                .AddSqliteDatabase(connection)
                .AddSingleton<WriteGate>();
        }
        else
        {
            var connection = await newPostgreSqlDatabase($"engine_{concurrency}", cancellationToken);
            // As the Host registers it: no write gate, the server locks rows itself.
            collection.AddDbContextPool<GridCaseDbContext, PostgreSqlGridCaseDbContext>(o => o.UseNpgsql(connection)).AddSingleton(new WriteGate());
        }
        await using var services = collection.BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridCaseDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            if (newPostgreSqlDatabase is null) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var definition = EngineFlow.Create();
        var engine = services.GetRequiredService<WorkflowEngine>();
        var finished = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await using var scope = services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var db = sp.GetRequiredService<GridCaseDbContext>();
                var work = sp.GetRequiredService<UnitOfWork>();
                var id = await work.RunAsync(async ct =>
                {
                    var instance = WorkflowInstance.Start(Guid.NewGuid(), definition.DefinitionId, definition.Version, DateTimeOffset.UtcNow);
                    db.WorkflowInstances.Add(instance);
                    await engine.StartAsync(new WorkflowRun(definition, instance, sp, "bench", DateTimeOffset.UtcNow), ct);
                    return instance.Id;
                }, cancellationToken);
                var done = await work.RunAsync(async ct =>
                {
                    var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == id, ct);
                    var run = new WorkflowRun(definition, instance, sp, "bench", DateTimeOffset.UtcNow);
                    var bookmark = run.State.Bookmarks.Single(b => b.ActivityId == EngineFlow.Pause);
                    await engine.ResumeAsync(run, new Stimulus(bookmark.Id, WaitForSignal.Received, null, null, "bench"), ct);
                    return run.Finished;
                }, cancellationToken);
                if (!done) throw new InvalidOperationException("the bench flow did not finish after its one resume");
                Interlocked.Increment(ref finished);
            }
        }, cancellationToken)));
        return finished / clock.Elapsed.TotalSeconds;
    }
}
