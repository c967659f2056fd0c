namespace MinistryMonitor.Web.Tests;

/// <summary>
/// Where the browser tests save screenshots: artifacts/screenshots/ at the repository root (git-ignored), or
/// MONITOR_SCREENSHOT_DIR when set. The README's pictures in docs/screenshots are copies of these.
/// </summary>
public static class Screenshots
{
    public static string Folder()
    {
        var folder = Environment.GetEnvironmentVariable("MONITOR_SCREENSHOT_DIR") is { Length: > 0 } set
            ? set
            : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Monitor.sln above {AppContext.BaseDirectory}: cannot tell where artifacts/screenshots is.");
    }
}
