using System.Text;

namespace MinistryMonitor.Core.Politeness;

/// <summary>What a robots.txt line says (RFC 9309 2.2); typos Google accepts are read as what they mean.</summary>
public enum RobotsKey
{
    UserAgent,
    Allow,
    Disallow,
    Sitemap,

    /// <summary>Not in RFC 9309, but widely used, and honoured here.</summary>
    CrawlDelay,

    /// <summary>Any other record (RFC 9309 2.2.4): ignored, and it neither opens nor closes a group.</summary>
    Unknown,
}

/// <param name="Number">1-based, counting every line ending (CR, LF or CRLF).</param>
/// <param name="Value">For Allow and Disallow, the pattern percent-encoded (<see cref="RobotsTxtLines.EscapePattern"/>); else the text.</param>
public sealed record RobotsLine(int Number, RobotsKey Key, string Name, string Value);

/// <summary>
/// Splits a robots.txt into its records as RFC 9309 2.2 and Google's parser do: UTF-8, a (partial) byte order mark at
/// the start skipped, CR, LF or CRLF line ends, <c>#</c> comments, names case-insensitive, a missing colon tolerated
/// when the line is exactly a name and a value, and a line cut after <see cref="MaxLineBytes"/>. One pass, linear.
/// </summary>
public static class RobotsTxtLines
{
    /// <summary>Google reads up to 8 × 2083 bytes of a line (with its terminator), and ignores the rest of it.</summary>
    public const int MaxLineBytes = 2083 * 8 - 1;

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static List<RobotsLine> Read(ReadOnlySpan<byte> text)
    {
        var lines = new List<RobotsLine>();
        var start = 0;
        while (start < text.Length && start < Bom.Length && text[start] == Bom[start]) start++;
        var number = 0;
        var lastWasCarriageReturn = false;
        var lineStart = start;
        for (var i = start; i <= text.Length; i++)
        {
            var end = i == text.Length;
            if (!end && text[i] != (byte)'\n' && text[i] != (byte)'\r') continue;
            var line = text[lineStart..i];
            // The LF of a CRLF ends no second line.
            var crlf = !end && line.IsEmpty && lastWasCarriageReturn && text[i] == (byte)'\n';
            if (!crlf)
            {
                number++;
                if (line.Length > MaxLineBytes) line = line[..MaxLineBytes];
                if (ReadLine(number, line) is { } record) lines.Add(record);
            }
            lastWasCarriageReturn = !end && text[i] == (byte)'\r';
            lineStart = i + 1;
        }
        return lines;
    }

    /// <summary>
    /// A pattern as it is compared (RFC 9309 2.2.2): octets outside printable ASCII percent-encoded, existing escapes
    /// upper-cased (<c>%aa</c> → <c>%AA</c>), everything else as written.
    /// </summary>
    public static string EscapePattern(ReadOnlySpan<byte> pattern)
    {
        var builder = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var b = pattern[i];
            if (b == (byte)'%' && i + 2 < pattern.Length && IsHex(pattern[i + 1]) && IsHex(pattern[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant((char)pattern[i + 1])).Append(char.ToUpperInvariant((char)pattern[i + 2]));
                i += 2;
            }
            else if (b > 0x7E || b <= 0x20) builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            else builder.Append((char)b);
        }
        return builder.ToString();
    }

    private const string Hex = "0123456789ABCDEF";

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static RobotsLine? ReadLine(int number, ReadOnlySpan<byte> line)
    {
        var hash = line.IndexOf((byte)'#');
        if (hash >= 0) line = line[..hash];
        line = Trim(line);
        var separator = line.IndexOf((byte)':');
        if (separator < 0)
        {
            // Google: "Disallow /x" means "Disallow: /x", when the line is exactly two words.
            separator = line.IndexOfAny((byte)' ', (byte)'\t');
            if (separator < 0) return null;
            var rest = Trim(line[separator..]);
            if (rest.IndexOfAny((byte)' ', (byte)'\t') >= 0) return null;
        }
        var name = Trim(line[..separator]);
        if (name.IsEmpty) return null;
        var value = Trim(line[(separator + 1)..]);
        var nameText = Encoding.UTF8.GetString(name);
        var key = KeyOf(nameText);
        var valueText = key is RobotsKey.Allow or RobotsKey.Disallow ? EscapePattern(value) : Encoding.UTF8.GetString(value);
        return new RobotsLine(number, key, nameText, valueText);
    }

    private static RobotsKey KeyOf(string name) => name.ToLowerInvariant() switch
    {
        "user-agent" or "useragent" or "user agent" => RobotsKey.UserAgent,
        "allow" => RobotsKey.Allow,
        "disallow" or "dissallow" or "dissalow" or "disalow" or "diasllow" or "disallaw" => RobotsKey.Disallow,
        "sitemap" or "site-map" => RobotsKey.Sitemap,
        "crawl-delay" => RobotsKey.CrawlDelay,
        _ => RobotsKey.Unknown,
    };

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span)
    {
        var start = 0;
        var end = span.Length;
        while (start < end && IsSpace(span[start])) start++;
        while (end > start && IsSpace(span[end - 1])) end--;
        return span[start..end];
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f';
}
