using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using System.Text;
using System.Xml.Linq;

namespace MinistryMonitor.Core.Fetching.Feeds;

/// <summary>
/// How feed elements carry text: <c>xml:base</c> for relative links, and Atom's text constructs (type text, html,
/// xhtml or a MIME type; Atom 0.3's mode xml, escaped or base64), read as HTML or as plain text.
/// </summary>
internal static class FeedMarkup
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly HashSet<string> VoidElements = ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"];

    /// <summary>The base URL in force at <paramref name="element"/>: the document's, changed by each <c>xml:base</c> from the root down.</summary>
    public static Uri BaseOf(XElement element, Uri documentUrl)
    {
        var bases = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
            if (e.Attribute(XNamespace.Xml + "base")?.Value is { } value) bases.Add(value.Trim());
        var current = documentUrl;
        for (var i = bases.Count - 1; i >= 0; i--)
            if (Uri.TryCreate(current, bases[i], out var next)) current = next;
        return current;
    }

    /// <summary>The element's value: HTML for html and xhtml content (and XML modes), else plain text. Null when empty.</summary>
    public static (string Value, bool IsHtml)? Read(XElement? element)
    {
        if (element is null) return null;
        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant();
        var mode = ((string?)element.Attribute("mode"))?.Trim().ToLowerInvariant();
        string value;
        bool html;
        if (mode == "base64" || (mode is null && !string.IsNullOrEmpty(type) && IsBinaryType(type)))
        {
            value = Base64(element.Value) ?? element.Value;
            html = type is not ("text" or "text/plain");
        }
        else if (type is "xhtml")
        {
            // Atom 1.0 wraps XHTML in a div that is not part of the content (Atom 0.3's inline XHTML keeps it).
            var div = element.Elements().FirstOrDefault();
            value = div is not null && div.Name.LocalName == "div" && element.Elements().Count() == 1 ? Inner(div) : Inner(element);
            html = true;
        }
        else if (type is "application/xhtml+xml" || (mode == "xml" && element.HasElements))
        {
            value = Inner(element);
            html = true;
        }
        else
        {
            value = element.Value;
            html = type is "html" or "text/html";
        }
        // Not trimmed: content is archived as published; titles are trimmed by Text.
        return string.IsNullOrWhiteSpace(value) ? null : (value, html);
    }

    /// <summary>The value as HTML (plain text is encoded) with its relative links resolved, for content the extractor reads.</summary>
    public static string? Html(XElement? element, Uri documentUrl) =>
        Read(element) is { } read ? read.IsHtml ? ResolveLinks(read.Value, BaseOf(element!, documentUrl)) : WebUtility.HtmlEncode(read.Value) : null;

    private static readonly string[] LinkAttributes = ["href", "src", "cite", "poster", "longdesc", "action"];

    /// <summary>
    /// Relative links in content HTML resolved against the base in force, so that the archived HTML links where the
    /// ministry meant. The HTML is re-serialised only when it has a relative link; otherwise it is kept as published.
    /// </summary>
    public static string ResolveLinks(string html, Uri baseUrl)
    {
        if (!html.Contains("href", StringComparison.OrdinalIgnoreCase) && !html.Contains("src", StringComparison.OrdinalIgnoreCase)) return html;
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument(string.Empty);
        var nodes = parser.ParseFragment(html, document.Body!);
        var changed = false;
        foreach (var element in nodes.OfType<IElement>().SelectMany(e => e.QuerySelectorAll("*").Prepend(e)))
        {
            foreach (var name in LinkAttributes)
            {
                var value = element.GetAttribute(name)?.Trim();
                if (string.IsNullOrEmpty(value) || value.StartsWith('#') || HasScheme(value)) continue;
                if (!Uri.TryCreate(baseUrl, value, out var resolved)) continue;
                element.SetAttribute(name, resolved.OriginalString);
                changed = true;
            }
        }
        return changed ? string.Concat(nodes.Select(n => n.ToHtml())) : html;
    }

    /// <summary>The value as plain text (markup reduced to its text), for titles.</summary>
    public static string? Text(XElement? element)
    {
        if (Read(element) is not { } read) return null;
        if (!read.IsHtml) return read.Value.Trim();
        var text = WebUtility.HtmlDecode(StripTags(read.Value)).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// An RSS title as text: RSS does not say whether a title is HTML, and many feeds escape markup or entities into
    /// it ("Minister&amp;#8217;s", "&lt;b&gt;"); when it looks like HTML it is read as HTML, as feed readers do.
    /// </summary>
    public static string? PlainTitle(string? title)
    {
        if (title is null || !LooksLikeHtml(title)) return title;
        var text = WebUtility.HtmlDecode(StripTags(title)).Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool LooksLikeHtml(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '/')) return true;
            // A reference is short: looking at most 10 characters ahead keeps this linear.
            if (text[i] == '&' && text.IndexOf(';', i + 1, Math.Min(10, text.Length - i - 1)) is var end and > 0
                && WebUtility.HtmlDecode(text[i..(end + 1)]) != text[i..(end + 1)]) return true;
        }
        return false;
    }

    private static bool IsBinaryType(string type) =>
        type is not ("text" or "html" or "xhtml") && !type.StartsWith("text/", StringComparison.Ordinal)
        && !type.EndsWith("+xml", StringComparison.Ordinal) && !type.EndsWith("/xml", StringComparison.Ordinal);

    private static string? Base64(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) compact.Append(c);
        var bytes = new byte[compact.Length];
        return Convert.TryFromBase64String(compact.ToString(), bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }

    /// <summary>The element's children as HTML, without the XML namespace declarations.</summary>
    public static string Inner(XElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.Nodes()) Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, XNode node)
    {
        switch (node)
        {
            case XText text:
                builder.Append(WebUtility.HtmlEncode(text.Value).Replace("&#39;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal));
                break;
            case XElement element:
                var name = element.Name.LocalName;
                builder.Append('<').Append(name);
                foreach (var attribute in element.Attributes())
                {
                    if (attribute.IsNamespaceDeclaration) continue;
                    builder.Append(' ').Append(attribute.Name.LocalName).Append("=\"").Append(WebUtility.HtmlEncode(attribute.Value)).Append('"');
                }
                if (!element.Nodes().Any() && VoidElements.Contains(name))
                {
                    builder.Append(" />");
                    break;
                }
                builder.Append('>');
                foreach (var child in element.Nodes()) Write(builder, child);
                builder.Append("</").Append(name).Append('>');
                break;
        }
    }

    /// <summary>Whether a link is absolute ("https:", "mailto:"); not Uri.TryCreate, which on Unix takes "/path" for a file.</summary>
    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(value[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] is not ('+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>Drops tags in one pass (titles are short; no parser needed to read their words).</summary>
    private static string StripTags(string html)
    {
        var builder = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') inTag = true;
            else if (c == '>' && inTag) inTag = false;
            else if (!inTag) builder.Append(c);
        }
        return builder.ToString();
    }

    public static bool IsXhtml(XElement element) => element.Name.Namespace == Xhtml;
}
