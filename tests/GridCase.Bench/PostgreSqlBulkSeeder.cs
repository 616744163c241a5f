using System.Diagnostics;
using Npgsql;

namespace GridCase.Bench;

/// <summary>
/// <see cref="BulkSeeder"/>'s copies on PostgreSQL: the same templates and the same round robin, written with binary
/// COPY, one transaction per batch of cases. Templates are read in SQLite's shapes (ids as upper-case text, instants as
/// UTC ticks) so that <see cref="CaseTemplate"/> and the shared helpers treat them alike; each value is turned back into
/// its column's type on the way in.
/// </summary>
public sealed class PostgreSqlBulkSeeder(string connection) : IBulkSeeder
{
    private const int CasesPerBatch = 20_000;
    // Parents before children, for the foreign keys; Journal and SupervisionList number their own rows.
    private static readonly string[] CopiedTables = ["Cases", "WorkflowInstances", "WorkItems", "Journal", "SupervisionList"];
    private static readonly string[] OwnKeyTables = ["Journal", "SupervisionList"];

    public async Task<IReadOnlyList<CaseTemplate>> ReadTemplatesAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var cases = await ReadAsync(db, "Cases", $"\"Stage\" = 'Done' ORDER BY \"ReportedAt\" LIMIT {max}", null, cancellationToken);
        cases.AddRange(await ReadAsync(db, "Cases", $"\"Stage\" <> 'Done' ORDER BY \"ReportedAt\" LIMIT {max}", null, cancellationToken));
        var templates = new List<CaseTemplate>();
        foreach (var c in cases)
        {
            var id = (string)c["Id"]!;
            var rows = new List<TableRow>();
            rows.AddRange(await ReadAsync(db, "WorkItems", "\"CaseId\" = @id", id, cancellationToken));
            rows.AddRange(await ReadAsync(db, "WorkflowInstances", "\"CaseId\" = @id", id, cancellationToken));
            rows.AddRange(await ReadAsync(db, "Journal", "\"CaseId\" = @id", id, cancellationToken));
            templates.Add(new CaseTemplate(c, rows));
        }
        return templates;
    }

    public async Task SeedAsync(IReadOnlyList<CaseTemplate> templates, int count, string numberPrefix, int openEvery, int superviseEvery,
        Func<int, DateTimeOffset> deadline, TimeSpan overdueAfter, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var types = await ColumnTypesAsync(db, cancellationToken);
        var clock = Stopwatch.StartNew();
        var open = templates.Where(t => t.OpenWorkItem is not null).ToList();
        var closed = templates.Where(t => t.OpenWorkItem is null).ToList();
        if (open.Count == 0 || closed.Count == 0)
            throw new InvalidOperationException($"the HTTP phases left {open.Count} open and {closed.Count} closed cases to copy; both kinds are needed");
        var batch = new Batch();
        for (var i = 0; i < count; i++)
        {
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
                    else if (column == "StateJson" && values[k] is string json) values[k] = BulkSeeder.Remap(json, ids);
                    else if (row.Table == "Cases" && column == "Number") values[k] = $"{numberPrefix}{i:D8}";
                    if (row.Table == "WorkItems" && (string?)row["Id"] == openItem)
                    {
                        if (column == "WarnAt") values[k] = deadline(i).UtcTicks;
                        else if (column == "DueAt") values[k] = (deadline(i) + overdueAfter).UtcTicks;
                    }
                }
                batch.Add(row with { Values = values });
            }
            if (superviseEvery > 0 && isOpen && i / openEvery % superviseEvery == 0 && template.OpenWorkItem is { } item)
                batch.Add(BulkSeeder.Supervision(item, template.Case, ids[(string)item["Id"]!], ids[template.CaseId], i));

            if ((i + 1) % CasesPerBatch == 0 || i + 1 == count)
            {
                await batch.CopyAsync(db, types, cancellationToken);
                batch = new Batch();
                if ((i + 1) % (CasesPerBatch * 10) == 0)
                    Console.WriteLine($"    seeded {i + 1:N0} of {count:N0} cases ({(i + 1) / clock.Elapsed.TotalSeconds:N0}/s)");
            }
        }
        // A real database of this size has its statistics; the Host's queries are planned on them.
        await using (var analyze = new NpgsqlCommand($"ANALYZE {string.Join(", ", CopiedTables.Select(t => $"\"{t}\""))};", db))
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        Console.WriteLine($"    seeded {count:N0} cases in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The rows of a batch of cases, per table and column list, copied table by table in one transaction.</summary>
    private sealed class Batch
    {
        private readonly Dictionary<(string Table, string Columns), (IReadOnlyList<string> Columns, List<object?[]> Rows)> _tables = [];

        public void Add(TableRow row)
        {
            var columns = row.Columns.Select((c, k) => (c, k)).Where(x => !(x.c == "Id" && OwnKeyTables.Contains(row.Table))).ToList();
            var key = (row.Table, string.Join(",", columns.Select(x => x.c)));
            if (!_tables.TryGetValue(key, out var table)) _tables[key] = table = (columns.Select(x => x.c).ToList(), []);
            table.Rows.Add(columns.Select(x => row.Values[x.k]).ToArray());
        }

        public async Task CopyAsync(NpgsqlConnection db, Dictionary<(string, string), string> types, CancellationToken cancellationToken)
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            // Seeding only: a crash just means seeding again. The Host's own writes keep the server's durability.
            await using (var relaxed = new NpgsqlCommand("SET LOCAL synchronous_commit = off;", db, transaction))
                await relaxed.ExecuteNonQueryAsync(cancellationToken);
            foreach (var ((table, _), (columns, rows)) in _tables.OrderBy(t => Array.IndexOf(CopiedTables, t.Key.Table)))
            {
                var columnTypes = columns.Select(c => types[(table, c)]).ToArray();
                await using var copy = await db.BeginBinaryImportAsync(
                    $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
                foreach (var values in rows)
                {
                    await copy.StartRowAsync(cancellationToken);
                    for (var k = 0; k < values.Length; k++)
                    {
                        if (values[k] is null) await copy.WriteNullAsync(cancellationToken);
                        else await WriteAsync(copy, values[k]!, columnTypes[k], cancellationToken);
                    }
                }
                await copy.CompleteAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        // Back from SQLite's shapes: text ids to uuid, UTC ticks to timestamptz; everything else as read.
        private static Task WriteAsync(NpgsqlBinaryImporter copy, object value, string type, CancellationToken cancellationToken) => (value, type) switch
        {
            (string s, "uuid") => copy.WriteAsync(Guid.Parse(s), type, cancellationToken),
            (long ticks, "timestamp with time zone") => copy.WriteAsync(new DateTime(ticks, DateTimeKind.Utc), type, cancellationToken),
            (DateTime at, _) => copy.WriteAsync(at, type, cancellationToken),
            (int n, _) => copy.WriteAsync(n, type, cancellationToken),
            (long n, _) => copy.WriteAsync(n, type, cancellationToken),
            (short n, _) => copy.WriteAsync(n, type, cancellationToken),
            (bool b, _) => copy.WriteAsync(b, type, cancellationToken),
            (double d, _) => copy.WriteAsync(d, type, cancellationToken),
            (decimal d, _) => copy.WriteAsync(d, type, cancellationToken),
            (string s, _) => copy.WriteAsync(s, type, cancellationToken),
            (string[] a, _) => copy.WriteAsync(a, type, cancellationToken),
            (byte[] a, _) => copy.WriteAsync(a, type, cancellationToken),
            _ => throw new InvalidOperationException($"the seeder cannot copy a {value.GetType().Name} into a {type} column"),
        };
    }

    private static async Task<Dictionary<(string, string), string>> ColumnTypesAsync(NpgsqlConnection db, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY(@tables);", db);
        command.Parameters.AddWithValue("tables", CopiedTables);
        var types = new Dictionary<(string, string), string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(2);
            // information_schema says ARRAY for every array column; the copied ones hold text.
            types[(reader.GetString(0), reader.GetString(1))] = type == "ARRAY" ? "text[]" : type;
        }
        return types;
    }

    private static async Task<List<TableRow>> ReadAsync(NpgsqlConnection db, string table, string where, string? id, CancellationToken cancellationToken)
    {
        if (!CopiedTables.Contains(table)) throw new ArgumentException(table);
        await using var command = new NpgsqlCommand($"SELECT * FROM \"{table}\" WHERE {where};", db);
        if (id is not null) command.Parameters.AddWithValue("id", Guid.Parse(id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<TableRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[columns.Count];
            reader.GetValues(values!);
            for (var k = 0; k < values.Length; k++)
                values[k] = values[k] switch
                {
                    DBNull => null,
                    Guid g => g.ToString().ToUpperInvariant(),
                    var v => v,
                };
            rows.Add(new TableRow(table, columns, values));
        }
        return rows;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var db = new NpgsqlConnection(connection);
        await db.OpenAsync(cancellationToken);
        return db;
    }
}
