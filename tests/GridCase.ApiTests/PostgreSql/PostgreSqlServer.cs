using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GridCase.ApiTests.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL server for one test run: a fresh cluster in a temp folder, listening on a free
/// loopback port only, one new database per test class. Started on first use; the
/// <see cref="PostgreSqlCollection"/> stops it and deletes the folder when the last PostgreSQL class is done.
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<PostgreSqlServer> Instance = new(Start);

    private readonly string _binaries;
    private readonly string _folder;
    private readonly string _adminConnection;
    private int _stopped;

    private PostgreSqlServer(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
        _adminConnection = ConnectionString("postgres");
    }

    /// <summary>The run's server, started on first use. A machine without PostgreSQL fails here, never skips.</summary>
    public static PostgreSqlServer Shared => Instance.Value;

    public int Port { get; }

    private string DataDirectory => Path.Combine(_folder, "data");

    private string LogFile => Path.Combine(_folder, "server.log");

    /// <summary>Stops the shared server if one was started.</summary>
    public static void StopShared()
    {
        if (Instance.IsValueCreated) Instance.Value.Dispose();
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"gridcase_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(_adminConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        // Idle pooled connections would only log errors once the server is gone.
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsServerUser("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private static PostgreSqlServer Start()
    {
        var binaries = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), $"gridcase-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new PostgreSqlServer(binaries, folder, FreePort());
        try
        {
            server.Initialize();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
            return server;
        }
        catch
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            throw;
        }
    }

    private void Initialize()
    {
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root; the package's own OS user runs it instead.
            Run("chown", [Superuser + ":", _folder], asServerUser: false);
        }
        RunAsServerUser("initdb", "-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync");
        // The C locale compares strings by code point, as SQLite does. The settings trade durability for speed:
        // the cluster lives for one run.
        File.AppendAllLines(Path.Combine(DataDirectory, "postgresql.conf"),
        [
            "listen_addresses = '127.0.0.1'",
            $"port = {Port}",
            $"unix_socket_directories = '{_folder}'",
            "max_connections = 300",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
        ]);
        RunAsServerUser("pg_ctl", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start");
    }

    private void RunAsServerUser(string program, params string[] arguments) =>
        Run(Path.Combine(_binaries, program), arguments, asServerUser: true);

    private void Run(string program, string[] arguments, bool asServerUser)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        if (asServerUser && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", Superuser, "--", program }) start.ArgumentList.Add(a);
        }
        else start.FileName = program;
        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in {CommandTimeout.TotalSeconds} s{ServerLog()}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}{error.Result}{ServerLog()}");
    }

    private string ServerLog() => File.Exists(LogFile) ? $"\nserver log:\n{File.ReadAllText(LogFile)}" : "";

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The server binaries: pg_config's bin folder, else the newest Debian/Ubuntu install.</summary>
    private static string FindBinaries()
    {
        var candidates = new List<string>();
        if (TryPgConfigBinDir() is { } configured) candidates.Add(configured);
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        var found = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (found is null)
            throw new InvalidOperationException(
                "PostgreSQL is not installed: no initdb/pg_ctl under `pg_config --bindir` or /usr/lib/postgresql/*/bin. " +
                "The PostgreSQL API tests start a real server; install it (`apt-get install -y postgresql`, which .ci/run does).");
        if (IsRoot && !UserExists(Superuser))
            throw new InvalidOperationException(
                $"The tests run as root and PostgreSQL refuses to; it needs the OS user '{Superuser}' (created by the postgresql package).");
        return found;
    }

    private static string? TryPgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
