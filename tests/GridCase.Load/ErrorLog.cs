namespace GridCase.Load;

/// <summary>Counts failed calls; prints only the first few so a broken run does not bury the summary.</summary>
public sealed class ErrorLog(int printFirst = 5)
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add(string description)
    {
        var n = Interlocked.Increment(ref _count);
        if (n <= printFirst)
            Console.WriteLine($"  error {n}: {description}");
        else if (n == printFirst + 1)
            Console.WriteLine("  (further errors are counted, not printed)");
    }
}
