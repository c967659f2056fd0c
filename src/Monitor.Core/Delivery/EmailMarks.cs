using System.Net;
using System.Text;

namespace MinistryMonitor.Core.Delivery;

/// <summary>The words of a mention marked in a sentence: &lt;mark&gt; in HTML (the rest encoded), *asterisks* in plain text.</summary>
public static class EmailMarks
{
    /// <summary>The text HTML-encoded, with each occurrence of the matched words in &lt;mark&gt;.</summary>
    /// <param name="tag">The element around each match: mark, or strong for a name in a sentence.</param>
    public static string Html(string text, IReadOnlyList<string> matched, string style = "", string tag = "mark") =>
        Mark(text, matched, WebUtility.HtmlEncode, style.Length == 0 ? $"<{tag}>" : $"<{tag} style=\"{style}\">", $"</{tag}>");

    /// <summary>The text as it is, with each occurrence of the matched words between asterisks.</summary>
    public static string Text(string text, IReadOnlyList<string> matched) => Mark(text, matched, s => s, "*", "*");

    // One left-to-right pass. Each term's next occurrence is remembered and searched again only once passed, so a
    // term that does not occur again costs one scan, not one per match: linear in the text times the terms.
    private static string Mark(string text, IReadOnlyList<string> matched, Func<string, string> encode, string open, string close)
    {
        var terms = matched.Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var next = new int[terms.Length];
        for (var t = 0; t < terms.Length; t++) next[t] = text.IndexOf(terms[t], StringComparison.Ordinal);
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var best = -1;
            for (var t = 0; t < terms.Length; t++)
            {
                if (next[t] >= 0 && next[t] < at) next[t] = text.IndexOf(terms[t], at, StringComparison.Ordinal);
                if (next[t] >= 0 && (best < 0 || next[t] < next[best] || (next[t] == next[best] && terms[t].Length > terms[best].Length))) best = t;
            }
            if (best < 0) break;
            var start = next[best];
            result.Append(encode(text[at..start])).Append(open).Append(encode(terms[best])).Append(close);
            at = start + terms[best].Length;
        }
        return result.Append(encode(text[at..])).ToString();
    }
}
