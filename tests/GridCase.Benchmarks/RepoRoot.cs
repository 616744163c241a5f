namespace GridCase.Benchmarks;

/// <summary>The repository folder, found upwards from the binaries so the benchmark runs from anywhere inside it.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GridCase.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("GridCase.sln not found above " + AppContext.BaseDirectory);
    }
}
