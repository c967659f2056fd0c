namespace MinistryMonitor.Core.Tests;

/// <summary>
/// Locates the read-only <c>shared/</c> folder beside the repository (real pages, feed snapshots, seeds).
/// Set MONITOR_SHARED_DIR to use another place.
/// </summary>
public static class SharedData
{
    public static string Root { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The State Department feed snapshots (gzipped RSS), in the order they were captured.</summary>
    public static IReadOnlyList<string> FeedSnapshots() =>
        Directory.GetFiles(PathOf("corpora", "state-dept-press-feed", "snapshots"), "*.rss.gz").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The snapshot whose file name starts with <paramref name="number"/> ("0001").</summary>
    public static string FeedSnapshot(string number) => FeedSnapshots().Single(f => Path.GetFileName(f).StartsWith(number + "-", StringComparison.Ordinal));

    /// <summary>A snapshot's RSS bytes, unzipped.</summary>
    public static byte[] ReadFeedSnapshot(string path)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

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
