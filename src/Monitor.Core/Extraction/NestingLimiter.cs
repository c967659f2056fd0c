using System.Text;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Caps element nesting before parsing. The HTML tree builder checks the stack of open elements on many start tags
/// (e.g. "is there a p in button scope" for every div), so 100,000 nested divs cost billions of steps in any
/// conforming parser; browsers cap the depth for the same reason. Tags deeper than the cap are dropped while
/// their text is kept. A first pass only measures, so ordinary pages are returned untouched.
/// </summary>
internal static class NestingLimiter
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "frame", "basefont", "bgsound",
    };

    // Elements whose end tag may be omitted: authors often do, so they must not count as nesting.
    private static readonly HashSet<string> OptionalEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    public static string Limit(string html, int maxDepth, out bool limited)
    {
        limited = Scan(html, maxDepth, output: null);
        if (!limited) return html;
        var output = new StringBuilder(html.Length);
        Scan(html, maxDepth, output);
        return output.ToString();
    }

    /// <summary>Walks the tags; returns whether the cap was exceeded, writing the capped markup if asked.</summary>
    private static bool Scan(string html, int maxDepth, StringBuilder? output)
    {
        var depth = 0;
        var exceeded = false;
        var copiedUpTo = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var tagStart = i;
            if (i + 1 >= html.Length) break;
            var next = html[i + 1];
            if (next == '!')
            {
                i = SkipPast(html, i, html.AsSpan(i).StartsWith("<!--") ? "-->" : ">");
                continue;
            }
            var isEnd = next == '/';
            var nameStart = isEnd ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':')) nameEnd++;
            var tagEnd = TagEnd(html, nameEnd);
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var lookup = Void.GetAlternateLookup<ReadOnlySpan<char>>();
            var counts = !lookup.Contains(name) && !OptionalEnd.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name)
                && html[tagEnd - 1 == tagStart ? tagStart : tagEnd - 2] != '/';

            var drop = false;
            if (isEnd)
            {
                if (counts)
                {
                    drop = depth > maxDepth;
                    if (depth > 0) depth--;
                }
            }
            else if (counts)
            {
                depth++;
                if (depth > maxDepth)
                {
                    exceeded = true;
                    drop = true;
                    if (output is null) return true;
                }
            }
            if (drop && output is not null)
            {
                output.Append(html, copiedUpTo, tagStart - copiedUpTo);
                copiedUpTo = tagEnd;
            }
            i = tagEnd;
            if (!isEnd && RawText.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                var close = html.IndexOf("</" + name.ToString(), i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }
        if (output is not null) output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return exceeded;
    }

    /// <summary>Index just past the '>' closing a tag, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int from)
    {
        char quote = '\0';
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return j + 1;
        }
        return html.Length;
    }

    private static int SkipPast(string html, int from, string terminator)
    {
        var end = html.IndexOf(terminator, from + 2, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + terminator.Length;
    }
}
