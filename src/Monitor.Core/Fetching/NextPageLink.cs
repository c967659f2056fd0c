using System.Globalization;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using MinistryMonitor.Core.Decoding;
using MinistryMonitor.Core.Fetching.Feeds;

namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// The link to the next (older) page of a feed or listing, which a catch-up follows after an outage: RFC 5005's
/// <c>atom:link rel="next"</c> in Atom or RSS, HTML's <c>&lt;link rel="next"&gt;</c> or <c>&lt;a rel="next"&gt;</c>, a
/// source's own CSS selector, or WordPress's <c>?paged=N</c> when the page says WordPress made it and names no next page.
/// Kept apart from <see cref="FeedReader"/> and <see cref="ListingReader"/>: it is read only when a catch-up needs it.
/// </summary>
public static class NextPageLink
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The next page of a feed, or null when it names none (or cannot be read: then there is nothing to follow).</summary>
    public static Uri? InFeed(byte[] content, Uri pageUrl, string? contentType, string? language)
    {
        XElement? root;
        try
        {
            // The loader the feed's entries were read with: a feed with a DOCTYPE, HTML entities or a repairable fault
            // keeps its next page too.
            root = SafeXml.Load(TextDecoder.Decode(content, contentType, language).Text).Document.Root;
        }
        catch (FeedFormatException)
        {
            // The discovery that read the entries would have failed first; a feed the entries came from but whose
            // links cannot be read has no next page to follow.
            return null;
        }
        if (root is null) return null;
        var channel = root.Element("channel") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") ?? root;
        var next = root.Elements(Atom + "link").Concat(channel.Elements(Atom + "link"))
            .FirstOrDefault(l => HasRel((string?)l.Attribute("rel"), "next"));
        if (Resolve((string?)next?.Attribute("href"), pageUrl) is { } url) return url;
        var generator = channel.Element("generator") ?? root.Element(Atom + "generator");
        var madeByWordPress = generator is not null
            && (generator.Value.Contains("wordpress", StringComparison.OrdinalIgnoreCase)
                || ((string?)generator.Attribute("uri"))?.Contains("wordpress", StringComparison.OrdinalIgnoreCase) == true);
        return madeByWordPress || IsPaged(pageUrl) ? WordPressNext(pageUrl) : null;
    }

    /// <summary>The next page of a listing: the element <paramref name="selector"/> finds (a link, or an element holding one), else rel="next".</summary>
    public static Uri? InHtml(byte[] content, Uri pageUrl, string? selector, string? contentType, string? language)
    {
        using var document = new HtmlParser().ParseDocument(TextDecoder.Decode(content, contentType, language).Text);
        var baseUrl = Uri.TryCreate(pageUrl, document.QuerySelector("base[href]")?.GetAttribute("href") ?? string.Empty, out var b) ? b : pageUrl;
        if (selector is not null)
        {
            var match = document.QuerySelector(selector);
            var anchor = match is null ? null : match.HasAttribute("href") ? match : match.QuerySelector("a[href]");
            return Resolve(anchor?.GetAttribute("href"), baseUrl);
        }
        var next = document.QuerySelectorAll("link[rel][href], a[rel][href]").FirstOrDefault(e => HasRel(e.GetAttribute("rel"), "next"));
        if (Resolve(next?.GetAttribute("href"), baseUrl) is { } url) return url;
        var generator = document.QuerySelector("meta[name=generator]")?.GetAttribute("content");
        return generator?.StartsWith("WordPress", StringComparison.OrdinalIgnoreCase) == true || IsPaged(pageUrl) ? WordPressNext(pageUrl) : null;
    }

    /// <summary>WordPress serves page N of a feed or archive at <c>?paged=N</c>: the URL with that parameter one higher (2 if absent).</summary>
    public static Uri WordPressNext(Uri pageUrl)
    {
        var parameters = pageUrl.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = parameters.FindIndex(p => p.StartsWith("paged=", StringComparison.Ordinal));
        var current = index >= 0 && int.TryParse(parameters[index]["paged=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var paged = "paged=" + (current + 1).ToString(CultureInfo.InvariantCulture);
        if (index >= 0) parameters[index] = paged;
        else parameters.Add(paged);
        return new UriBuilder(pageUrl) { Query = string.Join('&', parameters) }.Uri;
    }

    private static bool IsPaged(Uri url) =>
        url.Query.TrimStart('?').Split('&').Any(p => p.StartsWith("paged=", StringComparison.Ordinal));

    private static bool HasRel(string? rel, string value) =>
        rel is not null && rel.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Contains(value, StringComparer.OrdinalIgnoreCase);

    private static Uri? Resolve(string? href, Uri baseUrl) =>
        !string.IsNullOrWhiteSpace(href) && Uri.TryCreate(baseUrl, href.Trim(), out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? new UriBuilder(url) { Fragment = string.Empty }.Uri
            : null;
}
