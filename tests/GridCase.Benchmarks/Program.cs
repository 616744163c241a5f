using GridCase.Benchmarks;

// Benchmarks print numbers and assert nothing; run from the repository root:
//   dotnet run -c Release --project tests/GridCase.Benchmarks [-- suggest]
var which = args.FirstOrDefault() ?? "suggest";
switch (which)
{
    case "suggest":
        SuggestBenchmark.Run(RepoRoot.Find());
        return 0;
    default:
        Console.Error.WriteLine($"unknown benchmark '{which}'; known: suggest");
        return 2;
}
