using System.Globalization;
using System.Text;
using GridCase.Load;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.OutputEncoding = Encoding.UTF8;

LoadOptions? options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}
if (options is null)
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Every Ctrl+C only asks the run to end: letting one kill the tool would leave a started Host and its temp
    // data behind, and the orderly end is quick because every call honours the token.
    e.Cancel = true;
    stop.Cancel();
};

var repo = RepoRoot.Find();
HostProcess? host = null;
try
{
    var url = options.Url;
    using (var probe = LoadRun.NewHttpClient(url))
    {
        if (options.StartHost)
        {
            if (repo is null) throw new SetupException("--start-host needs the GridCase checkout (GridCase.sln) above this tool's binaries or the current directory.");
            var dll = HostProcess.FindDll(repo);
            url = options.UrlGiven ? options.Url : HostProcess.FreeLocalUrl();
            Console.WriteLine($"host: starting {Path.GetRelativePath(repo.FullName, dll)} (built {File.GetLastWriteTime(dll):yyyy-MM-dd HH:mm}) on {url}");
            host = HostProcess.Start(dll, url);
            var started = System.Diagnostics.Stopwatch.StartNew();
            await host.WaitHealthyAsync(probe, TimeSpan.FromSeconds(120), stop.Token);
            Console.WriteLine($"host: healthy after {started.Elapsed.TotalSeconds:0.0} s, data folder {host.DataFolder}");
        }
        else
        {
            if (!await HostHealth.WaitAsync(probe, url, TimeSpan.FromSeconds(5), gaveUp: null, stop.Token))
                throw new SetupException($"No GridCase Host answers GET {new Uri(url, "/health")}. Start one, pass --url, or let this tool start it with --start-host.");
        }
    }

    var result = await new LoadRun(options, url, repo).ExecuteAsync(stop.Token);
    Console.WriteLine(result.Format());
    return result.AllDone ? 0 : 1;
}
catch (SetupException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("interrupted before the run started");
    return 2;
}
finally
{
    if (host is not null)
    {
        await host.DisposeAsync();
        Console.WriteLine("host: stopped");
    }
}
