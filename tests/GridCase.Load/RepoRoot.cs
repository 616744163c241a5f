namespace GridCase.Load;

/// <summary>The repository checkout this tool runs from, found by walking up to GridCase.sln.</summary>
public static class RepoRoot
{
    public static DirectoryInfo? Find()
    {
        // The binaries normally sit inside the checkout; the working directory covers a copy run from elsewhere.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GridCase.sln")))
                    return dir;
        return null;
    }
}
