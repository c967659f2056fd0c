using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace MinistryMonitor.Core.Decoding;

/// <summary>
/// The one decoder for feeds, listing pages and statement pages. The encoding comes from, in order: a byte order
/// mark; the HTTP Content-Type charset (unless it claims UTF-8 for bytes that are not, and the document declares
/// another encoding); the XML declaration or an HTML meta tag; the bytes being valid UTF-8 (or
/// UTF-16 without a mark, recognised by its zero bytes); statistical detection (UTF.Unknown), limited to the
/// encodings of the source's language when it is known; the usual legacy encoding of that language; windows-1252.
/// </summary>
public static partial class TextDecoder
{
    /// <summary>Declarations are looked for in this many leading bytes, as browsers do (the HTML standard says 1024; real pages put them later).</summary>
    private const int DeclarationBytes = 16 * 1024;

    /// <summary>Detection reads this much: enough for its statistics, bounded for huge pages.</summary>
    private const int DetectionBytes = 64 * 1024;

    private const float MinimumConfidence = 0.5f;

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""'](?<name>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    /// <param name="contentType">The HTTP Content-Type header, if any.</param>
    /// <param name="language">The source's language (ISO 639-1), used when nothing in the bytes or headers names the encoding.</param>
    /// <param name="maxChars">Text beyond this many characters is cut off (and <see cref="DecodedText.Truncated"/> set).</param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? contentType, string? language = null, int maxChars = int.MaxValue)
    {
        var (encoding, source, preamble) = DetectEncoding(bytes, contentType, language);
        var body = bytes[preamble..];
        // Cut the bytes before decoding: UTF-8 and single-byte encodings never give more characters than bytes, so
        // decoding a 50 MB page in full only to keep its start would waste the time the limit is there to save.
        var bytesPerChar = encoding switch { UTF32Encoding => 4, UnicodeEncoding => 2, _ => 1 };
        var maxBytes = (long)maxChars * bytesPerChar;
        var truncated = body.Length > maxBytes;
        if (truncated) body = body[..(int)maxBytes];
        var text = encoding.GetString(body);
        if (text.Length > maxChars)
        {
            text = text[..maxChars];
            truncated = true;
        }
        return new DecodedText(text, encoding, source, truncated);
    }

    /// <summary>The encoding of <paramref name="bytes"/>, where it was found, and the length of its byte order mark.</summary>
    private static (Encoding Encoding, EncodingSource Source, int PreambleLength) DetectEncoding(ReadOnlySpan<byte> bytes, string? contentType, string? language = null)
    {
        CodePages.Register();
        if (FromByteOrderMark(bytes) is ({ } bom, var length)) return (bom, EncodingSource.ByteOrderMark, length);
        var header = CharsetNames.ToEncoding(CharsetNames.FromContentType(contentType), inDocument: false);
        var declared = FromDeclaration(bytes);
        // A header claiming UTF-8 for bytes that are not, in a document that declares another encoding, is a
        // misconfigured server (a legacy site behind a new proxy): the document's own declaration is believed.
        if (header is not null && !(header is UTF8Encoding && declared is { Encoding: not UTF8Encoding } && !System.Text.Unicode.Utf8.IsValid(bytes)))
            return (header, EncodingSource.HttpHeader, 0);
        if (FromUtf16Pattern(bytes) is { } utf16) return (utf16, EncodingSource.Utf16Pattern, 0);
        if (declared is { } found) return (found.Encoding, found.Source, 0);

        if (System.Text.Unicode.Utf8.IsValid(bytes)) return (new UTF8Encoding(false), EncodingSource.ValidUtf8, 0);
        var candidates = LanguageEncodings.For(language);
        if (Detect(bytes, candidates) is { } detected) return (detected, EncodingSource.Detected, 0);
        if (candidates is not null && CharsetNames.ToEncoding(candidates[0], inDocument: false) is { } usual) return (usual, EncodingSource.Language, 0);
        return (Encoding.GetEncoding(1252), EncodingSource.Default, 0);
    }

    private static (Encoding Encoding, EncodingSource Source)? FromDeclaration(ReadOnlySpan<byte> bytes)
    {
        // Declarations are ASCII, so a Latin-1 view of the first bytes finds them whatever the real encoding.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, DeclarationBytes)]);
        if (XmlEncoding().Match(head) is { Success: true } xml && CharsetNames.ToEncoding(xml.Groups["name"].Value, inDocument: true) is { } fromXml)
            return (fromXml, EncodingSource.XmlDeclaration);
        if (MetaCharset().Match(head) is { Success: true } meta && CharsetNames.ToEncoding(meta.Groups["name"].Value, inDocument: true) is { } fromMeta)
            return (fromMeta, EncodingSource.MetaTag);
        return null;
    }

    private static Encoding? Detect(ReadOnlySpan<byte> bytes, IReadOnlyList<string>? candidates)
    {
        var sample = bytes[..Math.Min(bytes.Length, DetectionBytes)].ToArray();
        var result = CharsetDetector.DetectFromBytes(sample);
        foreach (var detail in result.Details.OrderByDescending(d => d.Confidence))
        {
            if (detail.EncodingName is null || detail.Confidence < MinimumConfidence) continue;
            var encoding = CharsetNames.ToEncoding(detail.EncodingName, inDocument: false);
            if (encoding is null || encoding is UTF8Encoding) continue;
            // Knowing the language, only its encodings are believable: a short Russian page "detected" as Greek is not.
            if (candidates is null || candidates.Any(c => CharsetNames.ToEncoding(c, inDocument: false)?.CodePage == encoding.CodePage))
                return encoding;
        }
        return null;
    }

    private static (Encoding? Encoding, int Length) FromByteOrderMark(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (new UTF8Encoding(false), 3);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return (new UTF32Encoding(false, false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false), 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false), 2);
        return (null, 0);
    }

    /// <summary>Markup starts with ASCII ('&lt;', spaces): in UTF-16 every such character has a zero byte beside it.</summary>
    private static Encoding? FromUtf16Pattern(ReadOnlySpan<byte> b)
    {
        if (b.Length < 8) return null;
        int evenZeros = 0, oddZeros = 0, pairs = Math.Min(b.Length, 256) / 2;
        for (var i = 0; i < pairs; i++)
        {
            if (b[2 * i] == 0) evenZeros++;
            if (b[2 * i + 1] == 0) oddZeros++;
        }
        if (oddZeros > pairs * 3 / 4 && evenZeros == 0) return new UnicodeEncoding(false, false);
        if (evenZeros > pairs * 3 / 4 && oddZeros == 0) return new UnicodeEncoding(true, false);
        return null;
    }
}
