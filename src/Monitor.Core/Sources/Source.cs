using Monitor.Core.Extraction;

namespace Monitor.Core.Sources;

/// <summary>A ministry site to watch: either a feed (RSS 2.0 or Atom) or a listing page with links to statements.</summary>
public sealed record Source(
    string Id,
    string Name,
    string Language,
    Uri? Feed,
    SourceListing? Listing,
    ExtractionSelectors Selectors,
    TimeSpan Interval,
    bool Enabled = true,
    TimeSpan? RecheckWindow = null)
{
    /// <summary>
    /// How long after first sight a listing source's statement pages are fetched again to catch edits
    /// (feeds carry the text, so their edits are seen without it).
    /// </summary>
    public TimeSpan Recheck => RecheckWindow ?? SourceCatalog.DefaultRecheckWindow;

    /// <summary>The page the discover stage reads.</summary>
    public Uri DiscoveryUrl => Feed ?? Listing!.Url;
}

/// <summary>A listing page and the CSS selector of the links to statements on it.</summary>
public sealed record SourceListing(Uri Url, string Links);
