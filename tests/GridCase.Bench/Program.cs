using System.Globalization;
using System.Text;
using GridCase.Bench;
using GridCase.Load;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.OutputEncoding = Encoding.UTF8;

BenchOptions? options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (options is null)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ends the run in order, so the started Host and the temp data do not outlive it.
    e.Cancel = true;
    stop.Cancel();
};

var repo = RepoRoot.Find();
if (repo is null)
{
    Console.Error.WriteLine("Run from the GridCase checkout (GridCase.sln above the current directory or this program's binaries).");
    return 2;
}
var folder = Path.Combine(Path.GetTempPath(), "gridcase-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
Console.WriteLine($"bench: {(options.Quick ? "quick" : "full")} run, {options.Clients} clients, {options.Phase.TotalSeconds:0} s per HTTP phase, " +
                  $"N = {options.Cases:N0} cases, M = {options.Deadlines:N0} deadlines, data in {folder}");
Console.WriteLine($"bench: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage.Read()}, {Environment.ProcessorCount} cores");
try
{
    await using var store = options.PostgreSql is { } postgreSql
        ? await PostgreSqlBenchStore.CreateAsync(postgreSql, folder, stop.Token)
        : (IBenchStore)new SqliteBenchStore(folder);
    Console.WriteLine($"bench: database {store.Label}");
    var table = await new BenchRun(options, repo, folder, store).ExecuteAsync(stop.Token);
    Console.WriteLine();
    Console.WriteLine($"GridCase benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average at the end {LoadAverage.Read()}");
    Console.WriteLine(table.Format());
    return 0;
}
catch (SetupException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("interrupted");
    return 2;
}
catch (Exception ex)
{
    // Caught so the finally below still removes the data: an unhandled exception would skip it.
    Console.Error.WriteLine($"the benchmark failed: {ex}");
    return 1;
}
finally
{
    if (options.Keep) Console.WriteLine($"bench: data kept in {folder} (gridcase.db; start a Host on it with Data__Folder={folder})");
    else try { Directory.Delete(folder, recursive: true); }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.WriteLine($"  warning: could not delete {folder}: {ex.Message}");
    }
}
