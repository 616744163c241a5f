namespace GridCase.Host.Seeding;

/// <summary>
/// Where the shipped workflow-definitions/ folder is: copied beside the binaries on build, or the
/// repository's own when running from source.
/// </summary>
public static class ShippedFiles
{
    public static string Folder(IConfiguration configuration)
    {
        if (configuration["Shipped:Folder"] is { Length: > 0 } configured) return configured;
        var beside = Path.Combine(AppContext.BaseDirectory, "workflow-definitions");
        if (Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflow-definitions");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("workflow-definitions/ not found; set Shipped:Folder");
    }
}
