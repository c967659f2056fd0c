namespace Monitor.Core.Tests;

/// <summary>
/// Locates the read-only <c>shared/</c> folder beside the repository (real pages, feed snapshots, seeds).
/// Set MONITOR_SHARED_DIR to use another place.
/// </summary>
public static class SharedData
{
    public static string Root { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("MONITOR_SHARED_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (Directory.Exists(configured)) return Path.GetFullPath(configured);
            throw new DirectoryNotFoundException($"MONITOR_SHARED_DIR is set to '{configured}', which does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                if (Directory.Exists(candidate)) return candidate;
                throw new DirectoryNotFoundException(
                    $"The shared test data folder was not found at '{candidate}' (beside the repository). " +
                    "Tests read real ministry pages and feed snapshots from there; set MONITOR_SHARED_DIR to its location.");
            }
        }
        throw new DirectoryNotFoundException("Could not find Monitor.sln above the test binaries, so ../shared cannot be located; set MONITOR_SHARED_DIR.");
    }
}
