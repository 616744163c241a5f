using System.Globalization;

namespace GridCase.Bench;

/// <summary>Command-line options of the benchmark; <c>--quick</c> shrinks every phase to a few seconds.</summary>
public sealed record BenchOptions(bool Quick, int Cases, int Deadlines, int Clients, TimeSpan Phase, TimeSpan EnginePhase, bool Keep = false)
{
    /// <summary>PostgreSQL's connection string (a user that may create databases); null runs on SQLite.</summary>
    public string? PostgreSql { get; init; }

    public const string Usage = """
        GridCase benchmark: starts the built Host (SQLite by default, shipped configuration) and prints the issue-11 table.

        Options:
          --quick             small N and M, a few seconds per phase (a check that the program works)
          --cases <n>         cases in the database for the query row (default 1,000,000; quick 20,000)
          --deadlines <m>     pending deadlines for the timer row (default 100,000; quick 2,000)
          --clients <n>       concurrent HTTP clients (default 8)
          --seconds <s>       length of each HTTP phase (default 30; quick 5)
          --keep              keep the data folder (the seeded SQLite file) instead of deleting it, and print where it is
          --provider <p>      Sqlite (default) or PostgreSql
          --connection <cs>   with PostgreSql: an Npgsql connection string to a server where that user may create
                              databases; the run creates a fresh database (and one per engine row) and drops them at the end
          --help              this text

        Build first: dotnet build Host -c Release && dotnet build tests/GridCase.Bench -c Release
        """;

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var keep = args.Contains("--keep");
        int? cases = null, deadlines = null, seconds = null;
        var clients = 8;
        string provider = "Sqlite";
        string? connection = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--quick" or "--keep": break;
                case "--cases": cases = Positive("--cases", Value()); break;
                case "--deadlines": deadlines = Positive("--deadlines", Value()); break;
                case "--clients": clients = Positive("--clients", Value()); break;
                case "--seconds": seconds = Positive("--seconds", Value()); break;
                case "--provider": provider = Value(); break;
                case "--connection": connection = Value(); break;
                case "-h" or "--help": return null;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }
        var phase = TimeSpan.FromSeconds(seconds ?? (quick ? 5 : 30));
        var postgreSql = provider switch
        {
            "Sqlite" when connection is null => null,
            "Sqlite" => throw new ArgumentException("--connection goes with --provider PostgreSql"),
            "PostgreSql" => connection ?? throw new ArgumentException("--provider PostgreSql needs --connection \"Host=...;Username=...\""),
            _ => throw new ArgumentException($"--provider must be Sqlite or PostgreSql, not '{provider}'"),
        };
        return new BenchOptions(quick, cases ?? (quick ? 20_000 : 1_000_000), deadlines ?? (quick ? 2_000 : 100_000), clients, phase,
            EnginePhase: quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(15), keep) { PostgreSql = postgreSql };
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'");
}
