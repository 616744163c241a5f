using System.Globalization;

namespace GridCase.Load;

/// <summary>Command-line options, parsed by hand so the tool needs no packages.</summary>
public sealed record LoadOptions(Uri Url, bool UrlGiven, int Clients, int CasesPerClient, TimeSpan? Duration, bool StartHost, bool IntakeOnly = false)
{
    public static readonly Uri DefaultUrl = new("http://localhost:5080");

    public const string Usage = """
        GridCase load: drives a running GridCase Host through the whole case loop over HTTP.

        Options:
          --url <url>               Host to drive (default http://localhost:5080; with --start-host a free local port)
          --clients <n>             concurrent clients, one HttpClient each (default 8)
          --cases-per-client <n>    cases each client runs through the loop (default 25)
          --duration <seconds>      instead of a case count: start new cases until this much time has passed
          --intake-only             only report cases (POST /api/cases), leaving each at its first work item
          --start-host              start Host/bin/{Release|Debug}/net10.0/GridCase.Host.dll on a fresh temp data
                                    folder, wait for /health, and stop it at the end (build the Host first)
          --help                    this text

        Exit code: 0 when every case reached stage Done, 1 when some did not, 2 on a setup failure.
        """;

    /// <summary>Returns null when help was asked for; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args)
    {
        Uri? url = null;
        int clients = 8, casesPerClient = 25;
        TimeSpan? duration = null;
        var startHost = false;
        var intakeOnly = false;

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value"));
            switch (name)
            {
                case "--url":
                    var text = Value();
                    if (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
                        throw new ArgumentException($"--url must be an absolute http(s) URL, not '{text}'");
                    break;
                case "--clients": clients = Positive(name, Value()); break;
                case "--cases-per-client": casesPerClient = Positive(name, Value()); break;
                case "--duration": duration = TimeSpan.FromSeconds(Positive(name, Value())); break;
                case "--start-host": startHost = true; break;
                case "--intake-only": intakeOnly = true; break;
                case "-h" or "--help" or "-?": return null;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return new LoadOptions(url ?? DefaultUrl, url is not null, clients, casesPerClient, duration, startHost, intakeOnly);
    }

    // Accepts both "--clients 8" and "--clients=8".
    private static (string Name, string? Inline) Split(string arg)
    {
        var eq = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'");
}
