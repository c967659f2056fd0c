using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace MinistryMonitor.Core.Fetching.Feeds;

/// <summary>
/// Reads sitemaps (sitemaps.org 0.9): a <c>urlset</c> of statement URLs with <c>lastmod</c>, Google News sitemaps
/// (<c>news:title</c>, <c>news:publication_date</c>, <c>news:language</c>), and a <c>sitemapindex</c> of child sitemaps.
/// Gzipped sitemaps (<c>.xml.gz</c>) are recognised by their bytes, whatever the Content-Type. Streamed, one
/// <c>url</c> at a time, so a 50 MB sitemap of 50,000 URLs costs linear time and little memory; what exceeds the
/// protocol's limits is not read.
/// </summary>
public static class SitemapReader
{
    /// <summary>The protocol's limits: 50,000 URLs and 50 MB (uncompressed) per sitemap.</summary>
    public const int MaxEntries = 50_000;

    public const long MaxUncompressedBytes = 50L * 1024 * 1024;

    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>Whether the bytes are a sitemap: gzip, or XML whose root is <c>urlset</c> or <c>sitemapindex</c>.</summary>
    public static bool LooksLikeSitemap(ReadOnlySpan<byte> content)
    {
        if (IsGzip(content)) return true;
        var head = System.Text.Encoding.UTF8.GetString(content[..Math.Min(content.Length, 4096)]);
        return head.Contains("<urlset", StringComparison.Ordinal) || head.Contains("<sitemapindex", StringComparison.Ordinal);
    }

    /// <exception cref="FeedFormatException">Not a sitemap (or not XML, or a gzip stream that is broken or too large).</exception>
    public static SitemapDocument Read(byte[] content, Uri sitemapUrl)
    {
        var entries = new List<SitemapEntry>();
        var children = new List<SitemapEntry>();
        var skipped = new List<SkippedEntry>();
        string? kind = null;
        var beyond = 0;
        try
        {
            using var stream = Open(content);
            var settings = SafeXml.Settings();
            settings.DtdProcessing = DtdProcessing.Ignore;
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            kind = reader.LocalName;
            if (kind is not ("urlset" or "sitemapindex"))
                throw new FeedFormatException($"root element <{kind}> is neither a sitemap <urlset> nor a <sitemapindex>");
            var item = kind == "urlset" ? "url" : "sitemap";
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != item || reader.Depth != 1)
                {
                    reader.Read();
                    continue;
                }
                // One entry at a time: a few hundred bytes each, however large the sitemap.
                var element = (XElement)XNode.ReadFrom(reader);
                if (entries.Count + children.Count >= MaxEntries)
                {
                    beyond++;
                    continue;
                }
                var entry = ReadEntry(element, sitemapUrl, skipped);
                if (entry is not null) (kind == "urlset" ? entries : children).Add(entry);
            }
        }
        catch (XmlException ex)
        {
            if (kind is null) throw new FeedFormatException($"not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
            // A sitemap cut short (a truncated download) still lists the URLs before the fault.
        }
        catch (InvalidDataException ex)
        {
            throw new FeedFormatException("not a readable gzip stream: " + ex.Message, ex);
        }
        if (beyond > 0) skipped.Add(new SkippedEntry($"{beyond} URLs after the first {MaxEntries}", "beyond the sitemap protocol's 50,000 URLs"));
        return new SitemapDocument(kind == "sitemapindex", entries, children, skipped);
    }

    private static SitemapEntry? ReadEntry(XElement element, Uri sitemapUrl, List<SkippedEntry> skipped)
    {
        var loc = Child(element, "loc");
        if (loc is null || loc.Length > 2048)
        {
            skipped.Add(new SkippedEntry(loc?[..Math.Min(loc.Length, 200)] ?? "(no loc)", SkippedEntry.NoLink));
            return null;
        }
        if (!Uri.TryCreate(sitemapUrl, loc, out var url))
        {
            skipped.Add(new SkippedEntry(loc, SkippedEntry.NoLink));
            return null;
        }
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            skipped.Add(new SkippedEntry(loc, SkippedEntry.UnsafeScheme(url.Scheme)));
            return null;
        }
        var news = element.Element(News + "news");
        return new SitemapEntry(url, FeedDates.Parse(Child(element, "lastmod")),
            news?.Element(News + "title")?.Value.Trim() is { Length: > 0 } title ? title : null,
            FeedDates.Parse(news?.Element(News + "publication_date")?.Value),
            news?.Element(News + "publication")?.Element(News + "language")?.Value.Trim() is { Length: > 0 } language ? language : null);
    }

    /// <summary>A child of the sitemaps.org namespace (or of none: some sites forget it).</summary>
    private static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name && (e.Name.Namespace == element.Name.Namespace || e.Name.Namespace == XNamespace.None))
            ?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static Stream Open(byte[] content)
    {
        Stream stream = new MemoryStream(content, writable: false);
        if (IsGzip(content)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new BoundedReadStream(stream, MaxUncompressedBytes + 1024 * 1024);
    }

    private static bool IsGzip(ReadOnlySpan<byte> content) => content.Length > 2 && content[0] == 0x1f && content[1] == 0x8b;
}

/// <summary>A sitemap as read: its statement URLs (a urlset) or child sitemaps (an index), and the entries not usable.</summary>
public sealed record SitemapDocument(bool IsIndex, IReadOnlyList<SitemapEntry> Entries, IReadOnlyList<SitemapEntry> ChildSitemaps, IReadOnlyList<SkippedEntry> Skipped);

/// <summary>One URL of a sitemap; the news fields come from a Google News sitemap.</summary>
public sealed record SitemapEntry(Uri Url, DateTimeOffset? LastModified, string? NewsTitle = null, DateTimeOffset? NewsPublished = null, string? NewsLanguage = null)
{
    /// <summary>The date that says how new the statement is: its publication (news), else its last modification.</summary>
    public DateTimeOffset? Date => NewsPublished ?? LastModified;
}

/// <summary>Reads at most so many bytes: a gzip bomb stops there, as an error, instead of filling memory or disk.</summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _read += n;
        return _read > limit ? throw new InvalidDataException($"more than {limit / (1024 * 1024)} MB once decompressed") : n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
