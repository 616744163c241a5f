namespace GridCase.Bench;

/// <summary>One table row as read: column names beside their values.</summary>
public sealed record TableRow(string Table, IReadOnlyList<string> Columns, object?[] Values)
{
    public object? this[string column] => Values[Columns.ToList().IndexOf(column)];
}

/// <summary>
/// A case the Host wrote itself over HTTP, with every row that hangs off it: the pattern the bulk seeding copies,
/// so seeded rows match the real schema and the real shapes (journal, work items, workflow state).
/// </summary>
public sealed record CaseTemplate(TableRow Case, IReadOnlyList<TableRow> Rows)
{
    public string CaseId => (string)Case["Id"]!;

    /// <summary>
    /// The open work item, when the case waits on exactly one. A case with several (co-handled parts, summons) is copied
    /// only as a closed-shape template: its other items would keep the template's own instants, fire on their own and
    /// blur what the timer row counts.
    /// </summary>
    public TableRow? OpenWorkItem =>
        Rows.Where(r => r.Table == "WorkItems" && (string?)r["Status"] == "Open").ToList() is [var only] ? only : null;

    public bool HasOpenWork => Rows.Any(r => r.Table == "WorkItems" && (string?)r["Status"] == "Open");

    /// <summary>Every id of the template that a copy must replace: the case's, its work items' and its instance's.</summary>
    public IEnumerable<string> Ids => Rows.Where(r => r.Table is "WorkItems" or "WorkflowInstances").Select(r => (string)r["Id"]!).Prepend(CaseId);
}
