using System.Xml.Linq;
using MinistryMonitor.Core.Decoding;
using MinistryMonitor.Core.Fetching.Feeds;

namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// Reads the feeds ministries publish: RSS 0.90–0.94, 1.0 (<c>rdf:RDF</c>) and 2.0, Atom 0.3 and 1.0. Relative links
/// are resolved against <c>xml:base</c>; an entry's link falls back to its permalink guid, an alternate link, its
/// RDF about or a URL id; an entry with no usable link is reported as skipped, with the reason, not dropped silently.
/// </summary>
public static class FeedReader
{
    private static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    private static readonly XNamespace FeedBurner = "http://rssnamespace.org/feedburner/ext/1.0";

    /// <summary>Whether the start of a response looks like RSS or Atom (rather than, say, an HTML challenge page).</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> content, string? contentType = null)
    {
        var head = TextDecoder.Decode(content[..Math.Min(content.Length, 4096)], contentType).Text;
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The feed's usable entries (<see cref="ReadFeed"/> also says which were skipped and why).</summary>
    /// <exception cref="FeedFormatException">The content is not an RSS or Atom feed.</exception>
    public static IReadOnlyList<FeedItem> Read(byte[] content, Uri feedUrl, string? contentType = null, string? language = null) =>
        ReadFeed(content, feedUrl, contentType, language).Items;

    /// <param name="contentType">The HTTP Content-Type: its charset wins over the XML declaration (RFC 7303).</param>
    /// <param name="language">The source's language, for guessing the encoding of a feed that declares none.</param>
    /// <exception cref="FeedFormatException">The content is not an RSS or Atom feed.</exception>
    public static FeedDocument ReadFeed(byte[] content, Uri feedUrl, string? contentType = null, string? language = null)
    {
        // Decoded by the pipeline's one decoder; reading from text, the XML reader ignores the declared encoding.
        var decoded = TextDecoder.Decode(content, contentType, language);
        var (document, fault) = SafeXml.Load(decoded.Text);
        var root = document.Root ?? throw new FeedFormatException("empty document");
        var entries = new List<FeedEntry>();
        string dialect;
        string? title;
        if (root.Name.LocalName == "feed")
        {
            var ns = root.Name.Namespace;
            dialect = ns == Atom10 ? "atom10" : "atom03";
            title = FeedMarkup.Text(root.Element(ns + "title"));
            entries.AddRange(root.Elements(ns + "entry").Select(entry => ReadAtomEntry(entry, ns, feedUrl)));
        }
        else if (root.Name.LocalName == "rss" || root.Name == Rdf + "RDF")
        {
            var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
            dialect = root.Name == Rdf + "RDF"
                ? channel?.Name.Namespace == "http://my.netscape.com/rdf/simple/0.9/" ? "rss090" : "rss10"
                : "rss" + ((string?)root.Attribute("version") ?? "20").Replace(".", string.Empty, StringComparison.Ordinal);
            title = channel is null ? null : FeedMarkup.PlainTitle(Text(channel.Element(channel.Name.Namespace + "title")) ?? Text(channel.Element(Dc + "title")));
            // RSS 0.9x/2.0 nest the items in the channel; RSS 0.90 and 1.0 put them beside it.
            entries.AddRange((channel?.Elements() ?? []).Concat(root.Elements()).Where(e => e.Name.LocalName == "item").Select(item => ReadRssItem(item, feedUrl)));
        }
        else
        {
            throw new FeedFormatException($"root element <{root.Name.LocalName}> is neither RSS (<rss>, <rdf:RDF>) nor Atom <feed>");
        }
        var guessed = decoded.Source is EncodingSource.Detected or EncodingSource.Language or EncodingSource.Default;
        return new FeedDocument(dialect, title, decoded.Encoding.WebName, fault, guessed, entries);
    }

    private static FeedEntry ReadRssItem(XElement item, Uri feedUrl)
    {
        var ns = item.Name.Namespace;
        var title = FeedMarkup.PlainTitle(Text(item.Element(ns + "title")) ?? Text(item.Element(Dc + "title")) ?? Text(item.Element(Media + "title")));
        var guidElement = item.Element(ns + "guid");
        var guid = Text(guidElement);
        var isPermaLink = !string.Equals(((string?)guidElement?.Attribute("isPermaLink"))?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var about = (string?)item.Attribute(Rdf + "about");
        var linkElement = item.Element(ns + "link");

        var candidates = new List<(string? Href, XElement At)>
        {
            (Text(item.Element(FeedBurner + "origLink")), item),
            (Text(linkElement) ?? (string?)linkElement?.Attribute(Rdf + "resource"), linkElement ?? item),
        };
        candidates.AddRange(AlternateLinks(item, Atom10));
        if (isPermaLink && guidElement is not null) candidates.Add((guid, guidElement));
        candidates.Add((about, item));
        var (url, problem) = FirstUsableLink(candidates, feedUrl);

        var id = guid ?? Text(item.Element(Atom10 + "id")) ?? about;

        var content = Content(item.Element(ContentNs + "encoded"), feedUrl, markup: false)
            ?? Content(item.Element(Xhtml + "body") ?? item.Element(ns + "body"), feedUrl, markup: true)
            ?? Content(item.Element(ns + "fullitem"), feedUrl, markup: false)
            ?? FeedMarkup.Html(item.Element(Atom10 + "content"), feedUrl);
        var published = FeedDates.First([Text(item.Element(ns + "pubDate")), Text(item.Element(DcTerms + "issued")), Text(item.Element(Atom10 + "published")),
            Text(item.Element(DcTerms + "created"))]);
        var updated = FeedDates.Latest(item.Elements(Dc + "date").Concat(item.Elements(DcTerms + "modified")).Concat(item.Elements(Atom10 + "updated")).Select(Text));
        // The statement's HTML is kept byte for byte: it is what the archive stores as the raw version.
        return new FeedEntry(id, url, title, published, updated, Text(item.Element(Dc + "creator")) ?? Text(item.Element(ns + "author")), content,
            url is null ? new SkippedEntry(FirstWritten(candidates) ?? id ?? title ?? "(untitled)", problem) : null);
    }

    private static FeedEntry ReadAtomEntry(XElement entry, XNamespace ns, Uri feedUrl)
    {
        var id = Text(entry.Element(ns + "id"));
        var title = FeedMarkup.Text(entry.Element(ns + "title"));
        var candidates = new List<(string? Href, XElement At)> { (Text(entry.Element(FeedBurner + "origLink")), entry) };
        candidates.AddRange(AlternateLinks(entry, ns));
        // An entry without an alternate link is still a statement when its id is its address.
        if (id is not null && id.StartsWith("http", StringComparison.OrdinalIgnoreCase)) candidates.Add((id, entry));
        var (url, problem) = FirstUsableLink(candidates, feedUrl);
        var published = FeedDates.First([Text(entry.Element(ns + "published")), Text(entry.Element(ns + "issued")), Text(entry.Element(ns + "created")),
            Text(entry.Element(DcTerms + "issued"))]);
        var updated = FeedDates.Latest(entry.Elements(ns + "updated").Concat(entry.Elements(ns + "modified")).Concat(entry.Elements(DcTerms + "modified")).Select(Text));
        var content = entry.Elements(ns + "content").Select(c => FeedMarkup.Html(c, feedUrl)).FirstOrDefault(c => c is not null);
        return new FeedEntry(id, url, title, published, updated, Text(entry.Element(ns + "author")?.Element(ns + "name")), content,
            url is null ? new SkippedEntry(FirstWritten(candidates) ?? id ?? title ?? "(untitled)", problem) : null);
    }

    /// <summary>Atom links that point to the entry itself (no rel, or rel="alternate"), HTML ones first.</summary>
    private static IEnumerable<(string? Href, XElement At)> AlternateLinks(XElement entry, XNamespace ns) =>
        entry.Elements(ns + "link")
            .Where(l => ((string?)l.Attribute("rel"))?.Trim() is null or "" or "alternate" or "http://www.iana.org/assignments/relation/alternate")
            .OrderBy(l => ((string?)l.Attribute("type"))?.Trim() is null or "text/html" or "application/xhtml+xml" ? 0 : 1)
            .Select(l => ((string?)l.Attribute("href") ?? Text(l), l));

    /// <summary>The first candidate that resolves to an http(s) URL, or why none did.</summary>
    private static (Uri? Url, string Problem) FirstUsableLink(List<(string? Href, XElement At)> candidates, Uri feedUrl)
    {
        string? unsafeScheme = null;
        foreach (var (href, at) in candidates)
        {
            if (string.IsNullOrWhiteSpace(href)) continue;
            if (!Uri.TryCreate(FeedMarkup.BaseOf(at, feedUrl), href.Trim(), out var url)) continue;
            if (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) return (url, string.Empty);
            unsafeScheme ??= url.Scheme;
        }
        return (null, unsafeScheme is null ? SkippedEntry.NoLink : SkippedEntry.UnsafeScheme(unsafeScheme));
    }

    /// <summary>RSS content: escaped HTML (content:encoded, fullitem) or inline XHTML (xhtml:body), its relative links resolved.</summary>
    private static string? Content(XElement? element, Uri feedUrl, bool markup)
    {
        if (element is null) return null;
        // Kept as published (not even trimmed) unless a relative link has to be resolved: it is what the archive stores.
        var html = markup ? FeedMarkup.Inner(element).Trim() : element.Value;
        return string.IsNullOrWhiteSpace(html) ? null : FeedMarkup.ResolveLinks(html, FeedMarkup.BaseOf(element, feedUrl));
    }

    private static string? FirstWritten(List<(string? Href, XElement At)> candidates) =>
        candidates.Select(c => c.Href?.Trim()).FirstOrDefault(h => !string.IsNullOrEmpty(h)) is { } href ? href.Length > 200 ? href[..200] : href : null;

    private static string? Text(XElement? element) => Trimmed(element?.Value);

    private static string? Trimmed(string? value)
    {
        value = value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

/// <summary>The discovery URL of a feed source did not return a readable feed.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
