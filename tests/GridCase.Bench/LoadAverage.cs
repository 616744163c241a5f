namespace GridCase.Bench;

/// <summary>The machine's 1/5/15-minute load averages, printed beside the numbers they colour.</summary>
public static class LoadAverage
{
    public static string Read()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}
