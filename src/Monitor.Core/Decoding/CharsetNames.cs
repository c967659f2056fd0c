using System.Text;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Decoding;

/// <summary>Charset labels as found in headers and markup, turned into encodings the way browsers do.</summary>
internal static partial class CharsetNames
{
    [GeneratedRegex(@"charset\s*=\s*[""']?(?<name>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderCharset();

    public static string? FromContentType(string? contentType) =>
        contentType is not null && HeaderCharset().Match(contentType) is { Success: true } m ? m.Groups["name"].Value : null;

    /// <param name="inDocument">
    /// A label read from ASCII-readable markup: a document that could be read that way cannot really be UTF-16,
    /// so the label means UTF-8 (as the WHATWG encoding standard says).
    /// </param>
    public static Encoding? ToEncoding(string? name, bool inDocument)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        CodePages.Register();
        name = name.Trim().ToLowerInvariant();
        // Browsers decode pages declaring Latin-1 or ASCII as windows-1252, its superset.
        if (name is "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii") return Encoding.GetEncoding(1252);
        if (name is "utf8" or "unicode-1-1-utf-8") return new UTF8Encoding(false);
        if (inDocument && name is "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "ucs-2") return new UTF8Encoding(false);
        if (name is "utf-16" or "utf-16le" or "unicode") return new UnicodeEncoding(false, false);
        if (name is "utf-16be") return new UnicodeEncoding(true, false);
        if (name is "x-cp1251" or "cp1251") return Encoding.GetEncoding(1251);
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == 65001 ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            // An unknown label is the site's mistake: the next clue decides instead.
            return null;
        }
    }
}
