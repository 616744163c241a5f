using GridCase.Domain.WorkItems;
using GridCase.Host.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GridCase.ApiTests.Persistence;

/// <summary>
/// A case's open work is read by every write and answer on the case. SQLite plans without statistics, and once chose
/// a Status index for it, walking every open work item of the city; the read must find the case's rows by its key.
/// </summary>
public sealed class OpenWorkQueryPlanTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gridcase-plan-").FullName;

    private string Connection => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "gridcase.db") }.ToString();

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task A_cases_open_work_is_searched_by_the_case_not_by_status()
    {
        await using var db = Context();
        var caseId = Guid.NewGuid();
        var sql = db.WorkItems.Where(w => w.CaseId == caseId && w.Status == WorkItemStatus.Open).OrderBy(w => w.CreatedAt).ToQueryString();

        var plan = await PlanAsync(db, sql);

        Assert.Contains("USING INDEX IX_WorkItems_CaseId_Status (CaseId=? AND Status=?)", plan);
    }

    private SqliteGridCaseDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteGridCaseDbContext>().UseSqlite(Connection).Options);

    /// <summary>SQLite's plan for the query EF sends; its parameters stay unbound, which planning does not need.</summary>
    private static async Task<string> PlanAsync(DbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param set")));
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join('\n', plan);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
