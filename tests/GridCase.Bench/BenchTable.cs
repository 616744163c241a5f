using System.Text;

namespace GridCase.Bench;

/// <summary>The rows gathered during the run, printed as one table at the end.</summary>
public sealed class BenchTable
{
    private readonly List<BenchRow> _rows = [];

    public void Add(string name, string measured, string target = "", bool? met = null)
    {
        var row = new BenchRow(name, measured, target, met);
        _rows.Add(row);
        Console.WriteLine($"  → {row.Name}: {row.Measured} {row.Target} {row.Mark}");
    }

    public string Format()
    {
        var nameWidth = Math.Max(4, _rows.Max(r => r.Name.Length));
        var measuredWidth = Math.Max(8, _rows.Max(r => r.Measured.Length));
        var targetWidth = Math.Max(6, _rows.Max(r => r.Target.Length));
        var text = new StringBuilder();
        text.AppendLine($"| {"row".PadRight(nameWidth)} | {"measured".PadRight(measuredWidth)} | {"target".PadRight(targetWidth)} |        |");
        text.AppendLine($"|{new string('-', nameWidth + 2)}|{new string('-', measuredWidth + 2)}|{new string('-', targetWidth + 2)}|--------|");
        foreach (var r in _rows)
            text.AppendLine($"| {r.Name.PadRight(nameWidth)} | {r.Measured.PadRight(measuredWidth)} | {r.Target.PadRight(targetWidth)} | {r.Mark,-6} |");
        return text.ToString();
    }
}
