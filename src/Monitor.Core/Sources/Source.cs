using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Sources;

/// <summary>A ministry site to watch: a feed (RSS or Atom), a sitemap (or sitemap index, or Google News sitemap), or a listing page with links to statements.</summary>
public sealed record Source(
    string Id,
    string Name,
    string Language,
    Uri? Feed,
    SourceListing? Listing,
    ExtractionSelectors Selectors,
    TimeSpan Interval,
    bool Enabled = true,
    TimeSpan? RecheckWindow = null,
    SourceRequestSettings? Request = null,
    Uri? Sitemap = null,
    TimeSpan? SitemapMaxAge = null,
    int? CatchUpPageLimit = null)
{
    /// <summary>"feed", "sitemap" or "listing".</summary>
    public string Kind => Feed is not null ? "feed" : Sitemap is not null ? "sitemap" : "listing";

    /// <summary>Sitemap entries dated (lastmod or news publication) longer ago than this are skipped as too old.</summary>
    public TimeSpan MaxSitemapAge => SitemapMaxAge ?? SourceCatalog.DefaultSitemapMaxAge;

    /// <summary>Per-source User-Agent, extra request headers and the other hosts its links may point to.</summary>
    public SourceRequestSettings RequestSettings => Request ?? SourceRequestSettings.None;

    /// <summary>
    /// How long after first sight a listing source's statement pages are fetched again to catch edits
    /// (feeds carry the text, so their edits are seen without it).
    /// </summary>
    public TimeSpan Recheck => RecheckWindow ?? SourceCatalog.DefaultRecheckWindow;

    /// <summary>
    /// How many pages a catch-up reads at most, the first included, when every entry of the first page is unknown
    /// (after an outage); 1 turns catch-up off.
    /// </summary>
    public int CatchUpPages => CatchUpPageLimit ?? SourceCatalog.DefaultCatchUpPages;

    /// <summary>The page the discover stage reads.</summary>
    public Uri DiscoveryUrl => Feed ?? Sitemap ?? Listing!.Url;
}

/// <summary>A listing page and the CSS selector of the links to statements on it.</summary>
/// <param name="Next">The CSS selector of the link to the next (older) listing page, for a catch-up; else rel="next" links are used.</param>
public sealed record SourceListing(Uri Url, string Links, string? Next = null);

/// <summary>
/// How a source is fetched beyond the defaults: its own User-Agent (for a site that turns the default away), extra
/// request headers, and the hosts other than the listing's own that its statement links may point to.
/// </summary>
public sealed record SourceRequestSettings(string? UserAgent, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> AllowedHosts)
{
    public static SourceRequestSettings None { get; } = new(null, new Dictionary<string, string>(), []);

    /// <summary>
    /// Whether a link found on <paramref name="site"/> may be followed: the same host (ignoring a leading
    /// <c>www.</c>), or one of <see cref="AllowedHosts"/> (<c>*.example.org</c> allows every subdomain).
    /// </summary>
    public bool AllowsLink(Uri site, Uri link)
    {
        var host = link.IdnHost.ToLowerInvariant();
        if (WithoutWww(host) == WithoutWww(site.IdnHost.ToLowerInvariant())) return true;
        foreach (var allowed in AllowedHosts)
        {
            if (allowed == "*") return true;
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.Ordinal) || host == allowed[2..]
                : host == allowed)
                return true;
        }
        return false;
    }

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
}
