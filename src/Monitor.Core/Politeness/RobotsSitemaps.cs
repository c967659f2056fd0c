namespace MinistryMonitor.Core.Politeness;

/// <summary>
/// The <c>Sitemap:</c> lines of a robots.txt (sitemaps.org; RFC 9309 leaves them to other records): where a site
/// announces its sitemaps, for <c>check-source --url https://site/</c>. Independent of groups, read in one pass.
/// </summary>
public static class RobotsSitemaps
{
    /// <summary>Sitemaps listed at most; a robots.txt rarely names more than a few.</summary>
    public const int Max = 50;

    public static IReadOnlyList<Uri> Find(string robotsText, Uri robotsUrl)
    {
        var sitemaps = new List<Uri>();
        foreach (var rawLine in robotsText.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            var comment = line.IndexOf('#');
            if (comment >= 0) line = line[..comment].TrimEnd();
            var colon = line.IndexOf(':');
            if (colon < 0 || !line[..colon].Trim().Equals("sitemap", StringComparison.OrdinalIgnoreCase)) continue;
            var value = line[(colon + 1)..].Trim().ToString();
            if (Uri.TryCreate(robotsUrl, value, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                && !sitemaps.Contains(url))
                sitemaps.Add(url);
            if (sitemaps.Count == Max) break;
        }
        return sitemaps;
    }
}
