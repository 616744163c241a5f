using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace GridCase.Bench;

/// <summary>
/// Fills the Host's SQLite file while the Host is stopped: copies of the cases the Host wrote over HTTP, with new
/// ids and numbers, in large prepared-statement transactions. Much faster than HTTP, and the rows are the Host's own shapes.
/// </summary>
public sealed class BulkSeeder(string databaseFile) : IBulkSeeder
{
    private const int CasesPerTransaction = 20_000;
    // Rows keyed by a Guid the copy must replace; Journal and SupervisionList number their own rows.
    private static readonly string[] CopiedTables = ["Cases", "WorkItems", "WorkflowInstances", "Journal", "SupervisionList"];
    private static readonly string[] OwnKeyTables = ["Journal", "SupervisionList"];

    private string Connection => new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString();

    /// <summary>Reads up to <paramref name="max"/> cases of each kind the HTTP phases left: closed (Done) and still open.</summary>
    public async Task<IReadOnlyList<CaseTemplate>> ReadTemplatesAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var cases = await ReadAsync(db, "Cases", $"Stage = 'Done' ORDER BY rowid LIMIT {max}", null, cancellationToken);
        cases.AddRange(await ReadAsync(db, "Cases", $"Stage <> 'Done' ORDER BY rowid LIMIT {max}", null, cancellationToken));
        var templates = new List<CaseTemplate>();
        foreach (var c in cases)
        {
            var id = (string)c["Id"]!;
            var rows = new List<TableRow>();
            rows.AddRange(await ReadAsync(db, "WorkItems", "CaseId = $id", id, cancellationToken));
            // The instance's CorrelationId is stored as CaseId.
            rows.AddRange(await ReadAsync(db, "WorkflowInstances", "CaseId = $id", id, cancellationToken));
            rows.AddRange(await ReadAsync(db, "Journal", "CaseId = $id", id, cancellationToken));
            // Not the case's supervision entries: one open entry per case and kind, and the seeding adds its own.
            templates.Add(new CaseTemplate(c, rows));
        }
        return templates;
    }

    /// <summary>
    /// Adds <paramref name="count"/> copies of the templates, round robin so grids, items and departments spread as
    /// theirs do. One copy in <paramref name="openEvery"/> is of a case still open, the rest closed ones; every
    /// <paramref name="superviseEvery"/>th open copy also gets a supervision entry (0: none).
    /// </summary>
    /// <param name="deadline">The open work item of copy i warns at deadline(i) and is overdue at deadline(i) + overdueAfter.</param>
    public async Task SeedAsync(IReadOnlyList<CaseTemplate> templates, int count, string numberPrefix, int openEvery, int superviseEvery,
        Func<int, DateTimeOffset> deadline, TimeSpan overdueAfter, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        // Seeding only: a crash just means seeding again. The Host's own writes keep their shipped durability.
        await Execute(db, "PRAGMA synchronous=OFF;", cancellationToken);
        var inserts = new Dictionary<string, SqliteCommand>();
        var clock = Stopwatch.StartNew();
        var open = templates.Where(t => t.OpenWorkItem is not null).ToList();
        var closed = templates.Where(t => t.OpenWorkItem is null).ToList();
        if (open.Count == 0 || closed.Count == 0)
            throw new InvalidOperationException($"the HTTP phases left {open.Count} open and {closed.Count} closed cases to copy; both kinds are needed");
        SqliteTransaction? transaction = null;
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (i % CasesPerTransaction == 0)
                {
                    if (transaction is not null) { await transaction.CommitAsync(cancellationToken); await transaction.DisposeAsync(); }
                    transaction = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken);
                    if (i > 0 && i % (CasesPerTransaction * 10) == 0)
                        Console.WriteLine($"    seeded {i:N0} of {count:N0} cases ({i / clock.Elapsed.TotalSeconds:N0}/s)");
                }
                var isOpen = i % openEvery == 0;
                var template = isOpen ? open[i / openEvery % open.Count] : closed[i % closed.Count];
                var ids = template.Ids.ToDictionary(id => id, _ => Guid.NewGuid().ToString().ToUpperInvariant(), StringComparer.OrdinalIgnoreCase);
                var openItem = (string?)template.OpenWorkItem?["Id"];
                foreach (var row in template.Rows.Prepend(template.Case))
                {
                    var values = (object?[])row.Values.Clone();
                    for (var k = 0; k < values.Length; k++)
                    {
                        var column = row.Columns[k];
                        if (values[k] is string s && ids.TryGetValue(s, out var mapped)) values[k] = mapped;
                        else if (column == "StateJson" && values[k] is string json) values[k] = Remap(json, ids);
                        else if (row.Table == "Cases" && column == "Number") values[k] = $"{numberPrefix}{i:D8}";
                        if (row.Table == "WorkItems" && (string?)row["Id"] == openItem)
                        {
                            if (column == "WarnAt") values[k] = deadline(i).UtcTicks;
                            else if (column == "DueAt") values[k] = (deadline(i) + overdueAfter).UtcTicks;
                        }
                    }
                    await InsertAsync(db, transaction!, inserts, row with { Values = values }, cancellationToken);
                }
                if (superviseEvery > 0 && isOpen && i / openEvery % superviseEvery == 0 && template.OpenWorkItem is { } item)
                    await InsertAsync(db, transaction!, inserts, Supervision(item, template.Case, ids[(string)item["Id"]!], ids[template.CaseId], i), cancellationToken);
            }
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
            foreach (var command in inserts.Values) await command.DisposeAsync();
        }
        Console.WriteLine($"    seeded {count:N0} cases in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    // The copied open work item gone overdue: an open entry on the supervision list, as the SLA timers raise it.
    // Severities and ages vary so that the list's order (most severe, then oldest) has work to do.
    internal static TableRow Supervision(TableRow item, TableRow @case, string workItemId, string caseId, int i)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-i % 10_000).UtcTicks;
        return new("SupervisionList",
            ["CaseId", "Kind", "Reason", "Severity", "Status", "ResponsibleOrgUnitCode", "GridCode", "WorkItemId", "RaisedBy", "CreatedAt",
                "UpdatedAt", "DueAt", "TriggerCount", "UrgeCount", "Notes", "OpenSlot", "Version"],
            [caseId, "Overdue", "处置超期 / Handle overdue", 1 + i % 3, "Open", item["ScopeOrgUnitCode"], @case["GridCode"], workItemId, "system",
                now, now, now + TimeSpan.FromDays(5).Ticks, 1, 0, "", 0, Guid.NewGuid().ToString().ToUpperInvariant()]);
    }

    // The instance's state names its bookmarks' work items; JSON writes Guids in lower case.
    internal static string Remap(string json, Dictionary<string, string> ids)
    {
        foreach (var (from, to) in ids)
            json = json.Replace(from.ToLowerInvariant(), to.ToLowerInvariant(), StringComparison.Ordinal).Replace(from, to, StringComparison.Ordinal);
        return json;
    }

    private static async Task InsertAsync(SqliteConnection db, SqliteTransaction transaction, Dictionary<string, SqliteCommand> inserts, TableRow row,
        CancellationToken cancellationToken)
    {
        var columns = row.Columns.Select((c, k) => (c, k)).Where(x => !(x.c == "Id" && OwnKeyTables.Contains(row.Table))).ToList();
        var key = row.Table + ":" + string.Join(",", columns.Select(x => x.c));
        if (!inserts.TryGetValue(key, out var command))
        {
            command = db.CreateCommand();
            command.CommandText = $"INSERT INTO \"{row.Table}\" ({string.Join(", ", columns.Select(x => $"\"{x.c}\""))}) " +
                                  $"VALUES ({string.Join(", ", columns.Select((_, n) => $"$p{n}"))});";
            for (var n = 0; n < columns.Count; n++) command.Parameters.Add(new SqliteParameter($"$p{n}", null));
            inserts[key] = command;
        }
        command.Transaction = transaction;
        for (var n = 0; n < columns.Count; n++) command.Parameters[n].Value = row.Values[columns[n].k] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<TableRow>> ReadAsync(SqliteConnection db, string table, string where, string? id, CancellationToken cancellationToken)
    {
        if (!CopiedTables.Contains(table)) throw new ArgumentException(table);
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE {where};";
        if (id is not null) command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<TableRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[columns.Count];
            reader.GetValues(values!);
            for (var k = 0; k < values.Length; k++) if (values[k] is DBNull) values[k] = null;
            rows.Add(new TableRow(table, columns, values));
        }
        return rows;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var db = new SqliteConnection(Connection);
        await db.OpenAsync(cancellationToken);
        return db;
    }

    private static async Task Execute(SqliteConnection db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
