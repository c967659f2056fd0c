using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MinistryMonitor.Core.Decoding;

namespace MinistryMonitor.Core.Fetching;

/// <summary>Finds statement links on a listing page with the source's CSS selector.</summary>
public static class ListingReader
{
    public static IReadOnlyList<Uri> Read(byte[] content, Uri pageUrl, string linkSelector, string? contentType = null, string? language = null)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(TextDecoder.Decode(content, contentType, language).Text);
        var baseUrl = Uri.TryCreate(pageUrl, document.QuerySelector("base[href]")?.GetAttribute("href") ?? string.Empty, out var b) ? b : pageUrl;

        var links = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in document.QuerySelectorAll(linkSelector))
        {
            // The selector may name the anchors themselves or the blocks that hold them.
            var anchors = match.LocalName == "a" ? [match] : match.QuerySelectorAll("a[href]").ToArray();
            foreach (var anchor in anchors)
            {
                var href = anchor.GetAttribute("href");
                if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var url)) continue;
                if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) continue;
                var withoutFragment = new UriBuilder(url) { Fragment = string.Empty }.Uri;
                if (seen.Add(withoutFragment.AbsoluteUri)) links.Add(withoutFragment);
            }
        }
        return links;
    }
}
