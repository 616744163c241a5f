using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GridCase.Load;

/// <summary>
/// A GridCase Host this tool starts for the run, on a throwaway SQLite database (or the database the caller's
/// environment names), and stops again at the end.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly bool _ownsDataFolder;

    private HostProcess(Process process, string dll, Uri url, string dataFolder, bool ownsDataFolder)
    {
        _process = process;
        Dll = dll;
        Url = url;
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
    }

    public string Dll { get; }
    public Uri Url { get; }
    public string DataFolder { get; }
    public int ProcessId => _process.Id;

    /// <summary>The Host's peak resident set so far (VmHWM), in bytes; null where /proc is not there or the Host has exited.</summary>
    public long? PeakResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? null : long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// The Release build when there is one, else the Debug build. Release is what the documented command builds;
    /// preferring the newer file instead would pick up whatever half-finished Debug build an IDE made last.
    /// </summary>
    public static string FindDll(DirectoryInfo repo) =>
        new[] { "Release", "Debug" }
            .Select(c => Path.Combine(repo.FullName, "Host", "bin", c, "net10.0", "GridCase.Host.dll"))
            .FirstOrDefault(File.Exists)
        ?? throw new SetupException($"No built Host under {Path.Combine(repo.FullName, "Host", "bin")}. Build it first: dotnet build {Path.Combine(repo.FullName, "Host")} -c Release");

    /// <summary>A loopback URL on a port that was free a moment ago, so a developer's Host on 5080 is left alone.</summary>
    public static Uri FreeLocalUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    /// <param name="dataFolder">An existing data folder the caller keeps (and deletes); by default a fresh one this Host deletes when stopped.</param>
    /// <param name="environment">Further settings for the Host, e.g. a benchmark's; they win over the ones set here.</param>
    public static HostProcess Start(string dll, Uri url, string? dataFolder = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var ownsDataFolder = dataFolder is null;
        dataFolder ??= Path.Combine(Path.GetTempPath(), "gridcase-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);

        var info = new ProcessStartInfo(DotnetExecutable())
        {
            // The content root is the working directory: appsettings.json and the shipped definitions sit beside the dll.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url.GetLeftPart(UriPartial.Authority));
        info.Environment["Data__Folder"] = dataFolder;
        // Whatever the caller's shell points at, this Host must use a fresh SQLite file, never a shared database.
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["ConnectionStrings__GridCase"] = "";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The load plays the demo users, which a Production start seeds only when asked.
        info.Environment["Demo__Seed"] = "true";
        // Every load client signs in from this one address.
        info.Environment["LoginRateLimit__PermitsPerClient"] = "100000";
        info.Environment["LoginRateLimit__PermitsPerUserName"] = "100000";
        // Per-request console logging would cost the Host more than some of the calls being measured.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process, dll, url, dataFolder, ownsDataFolder);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        if (!process.Start()) throw new SetupException($"Could not start dotnet {dll}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until GET /health answers 200; a first start migrates and seeds, which takes a few seconds.</summary>
    public async Task WaitHealthyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await HostHealth.WaitAsync(http, Url, timeout, () => _process.HasExited, cancellationToken)) return;
        throw new SetupException(_process.HasExited
            ? $"The Host exited with code {_process.ExitCode} before it was healthy. Its last output:{Environment.NewLine}{Output()}"
            : $"The Host was not healthy within {timeout.TotalSeconds:0} s. Its last output:{Environment.NewLine}{Output()}");
    }

    public string Output() => string.Join(Environment.NewLine, _output.Select(l => "  | " + l));

    /// <summary>
    /// SIGKILL, as a crash or a pulled plug would end it: no graceful shutdown, requests in flight get no answer.
    /// Waits until the process is gone; the data folder stays.
    /// </summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(wait.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The database is thrown away, so there is nothing a graceful shutdown would save.
            await KillAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            Console.WriteLine($"  warning: the Host (pid {_process.Id}) may still be running: {ex.Message}");
        }
        finally
        {
            _process.Dispose();
        }

        if (!_ownsDataFolder) return;
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine($"  warning: could not delete {DataFolder}: {ex.Message}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines) _output.TryDequeue(out _);
    }

    // `dotnet` as the user would type it; DOTNET_ROOT wins when set so a side-by-side SDK install runs its own Host.
    private static string DotnetExecutable()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, name))
            ? Path.Combine(root, name)
            : name;
    }
}
