namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>Locates ../shared (or MONITOR_SHARED_DIR) and this benchmark's own folder from the build output.</summary>
internal static class BenchmarkPaths
{
    public static string SharedFolder()
    {
        var configured = Environment.GetEnvironmentVariable("MONITOR_SHARED_DIR");
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        return Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Monitor.sln was not found above the benchmark binaries.");
    }

    public static string ReadabilityFolder() =>
        Path.Combine(RepositoryRoot(), "tests", "Monitor.Extraction.Benchmarks", "readability");

    public static string NewTempFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-extraction-" + purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
