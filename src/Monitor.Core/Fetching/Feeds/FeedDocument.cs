namespace MinistryMonitor.Core.Fetching.Feeds;

/// <summary>A feed as read: its dialect, title, the encoding its bytes were read in, and its entries in order.</summary>
/// <param name="Dialect">"rss090", "rss091" … "rss20", "rss10" (RDF), "atom03" or "atom10".</param>
/// <param name="Fault">Why the XML was not well-formed, when it was repaired to be read (feedparser's "bozo"); else null.</param>
/// <param name="EncodingGuessed">Nothing declared the encoding: it was detected or assumed from the language.</param>
public sealed record FeedDocument(string Dialect, string? Title, string Encoding, string? Fault, bool EncodingGuessed, IReadOnlyList<FeedEntry> Entries)
{
    public bool Repaired => Fault is not null;

    /// <summary>The entries that are statements to fetch: those with an http(s) link.</summary>
    public IReadOnlyList<FeedItem> Items { get; } = Entries.Where(e => e.Skipped is null).Select(e => e.ToItem()).ToList();

    /// <summary>The entries that are not, and why.</summary>
    public IReadOnlyList<SkippedEntry> Skipped { get; } = Entries.Select(e => e.Skipped).OfType<SkippedEntry>().ToList();
}

/// <summary>One entry as the feed gives it; <see cref="Url"/> is null (and <see cref="Skipped"/> says why) when it has no usable link.</summary>
public sealed record FeedEntry(string? Id, Uri? Url, string? Title, DateTimeOffset? Published, DateTimeOffset? Updated, string? Author, string? ContentHtml,
    SkippedEntry? Skipped)
{
    /// <summary>The statement: keyed by its id, else its link; dated by its publication, else its latest update.</summary>
    public FeedItem ToItem() => new(Id ?? Url!.AbsoluteUri, Url!, Title, Published ?? Updated, Author, ContentHtml, Id, Updated);
}
