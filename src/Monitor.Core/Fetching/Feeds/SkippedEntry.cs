namespace MinistryMonitor.Core.Fetching.Feeds;

/// <summary>An entry of a feed, sitemap or listing that discovery did not queue, and why (logged and counted, never silent).</summary>
/// <param name="Entry">What identifies it to an operator: its link as written, its id or its title.</param>
public sealed record SkippedEntry(string Entry, string Reason)
{
    public const string NoLink = "no usable link";
    public const string Duplicate = "duplicate";
    public const string TooOld = "too old";
    public const string OffSite = "off-site (not in allowedHosts)";

    public static string UnsafeScheme(string scheme) => $"{scheme}: link";

    /// <summary>"2: javascript: link, 1: duplicate": how many of each reason, most frequent first; null when none.</summary>
    public static string? Summarize(IReadOnlyCollection<SkippedEntry> skipped) =>
        skipped.Count == 0 ? null
        : string.Join(", ", skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()}: {g.Key}"));
}
