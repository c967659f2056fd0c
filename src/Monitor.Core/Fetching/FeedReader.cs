using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Monitor.Core.Decoding;

namespace Monitor.Core.Fetching;

/// <summary>Reads RSS 2.0 and Atom feeds.</summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Whether the start of a response looks like RSS or Atom (rather than, say, an HTML challenge page).</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> content, string? contentType = null)
    {
        var head = TextDecoder.Decode(content[..Math.Min(content.Length, 4096)], contentType).Text;
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    /// <param name="contentType">The HTTP Content-Type: its charset wins over the XML declaration (RFC 7303).</param>
    /// <param name="language">The source's language, for guessing the encoding of a feed that declares none.</param>
    /// <exception cref="FeedFormatException">The content is not an RSS 2.0 or Atom feed.</exception>
    public static IReadOnlyList<FeedItem> Read(byte[] content, Uri feedUrl, string? contentType = null, string? language = null)
    {
        XDocument document;
        try
        {
            // Decoded by the pipeline's one decoder; reading from text, the XML reader ignores the declared encoding.
            var text = TextDecoder.Decode(content, contentType, language).Text;
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 64L * 1024 * 1024 });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
        }

        var root = document.Root ?? throw new FeedFormatException("empty document");
        if (root.Name.LocalName == "rss") return ReadRss(root, feedUrl);
        if (root.Name == Atom + "feed") return ReadAtom(root, feedUrl);
        throw new FeedFormatException($"root element <{root.Name.LocalName}> is neither <rss> nor Atom <feed>");
    }

    private static List<FeedItem> ReadRss(XElement root, Uri feedUrl)
    {
        var items = new List<FeedItem>();
        foreach (var item in root.Elements("channel").Elements("item"))
        {
            var link = Text(item.Element("link"));
            var guid = Text(item.Element("guid"));
            var url = Resolve(link ?? guid, feedUrl);
            if (url is null) continue;
            // The statement's HTML is kept byte for byte: it is what the archive stores as the raw version.
            var content = item.Element(Content + "encoded")?.Value;
            if (string.IsNullOrWhiteSpace(content)) content = null;
            items.Add(new FeedItem(
                guid ?? url.AbsoluteUri,
                url,
                Text(item.Element("title")),
                Date(Text(item.Element("pubDate")) ?? Text(item.Element(Dc + "date"))),
                Text(item.Element(Dc + "creator")) ?? Text(item.Element("author")),
                content));
        }
        return items;
    }

    private static List<FeedItem> ReadAtom(XElement root, Uri feedUrl)
    {
        var items = new List<FeedItem>();
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
            var url = Resolve((string?)link?.Attribute("href"), feedUrl);
            var id = Text(entry.Element(Atom + "id"));
            if (url is null) continue;
            var contentElement = entry.Element(Atom + "content");
            string? content = null;
            if (contentElement is not null)
            {
                content = (string?)contentElement.Attribute("type") == "xhtml"
                    ? string.Concat(contentElement.Elements().SelectMany(e => e.Nodes()).Select(n => n.ToString()))
                    : contentElement.Value;
            }
            items.Add(new FeedItem(
                id ?? url.AbsoluteUri,
                url,
                Text(entry.Element(Atom + "title")),
                Date(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))),
                Text(entry.Element(Atom + "author")?.Element(Atom + "name")),
                string.IsNullOrWhiteSpace(content) ? null : content));
        }
        return items;
    }

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static Uri? Resolve(string? href, Uri baseUrl) =>
        href is not null && Uri.TryCreate(baseUrl, href.Trim(), out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    private static DateTimeOffset? Date(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : ParseRfc822(text);

    // RFC 822 dates with zone names ("GMT", "EST") that DateTimeOffset.TryParse does not accept.
    private static DateTimeOffset? ParseRfc822(string? text)
    {
        if (text is null) return null;
        var trimmed = text.Trim();
        var space = trimmed.LastIndexOf(' ');
        if (space < 0) return null;
        var zone = trimmed[(space + 1)..];
        var offset = zone switch
        {
            "UT" or "GMT" or "Z" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "CST" => TimeSpan.FromHours(-6),
            "CDT" => TimeSpan.FromHours(-5),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            _ => (TimeSpan?)null,
        };
        if (offset is null) return null;
        return DateTime.TryParse(trimmed[..space], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset.Value)
            : null;
    }
}

/// <summary>The discovery URL of a feed source did not return a readable feed.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
