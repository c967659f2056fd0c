using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Core.Extraction;

/// <summary>
/// Turns raw page bytes into text: gunzips, refuses binary content, and picks the encoding from the byte order
/// mark, the Content-Type header, a meta declaration in the first bytes (including a stray <c>charset</c>
/// attribute, as on some ministry sites), or failing those, UTF-8 if the bytes are valid UTF-8, else Windows-1252.
/// </summary>
public static partial class HtmlDecoder
{
    private const int SniffBytes = 16 * 1024;

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""'](?<name>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<name>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderCharset();

    static HtmlDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedHtml Decode(Stream content, string? contentType, ExtractionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= ExtractionLimits.Default;
        var bytes = ReadAll(content, limits.MaxInputBytes);
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
            bytes = ReadAll(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress), limits.MaxInputBytes);
        return Decode(bytes, contentType, limits);
    }

    public static DecodedHtml Decode(byte[] bytes, string? contentType, ExtractionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= ExtractionLimits.Default;
        if (bytes.Length == 0) throw new ExtractionException("The page is empty (0 bytes).");

        var (encoding, bomLength) = FromByteOrderMark(bytes);
        if (encoding is null) BinarySniffer.ThrowIfBinary(bytes);
        encoding ??= FromName(contentType is null ? null : HeaderCharset().Match(contentType) is { Success: true } h ? h.Groups["name"].Value : null)
            ?? FromDeclaration(bytes)
            ?? (IsValidUtf8(bytes) ? new UTF8Encoding(false) : Encoding.GetEncoding(1252));

        var body = bytes.AsSpan(bomLength);
        // Cut the bytes before decoding: UTF-8 and single-byte encodings never give more characters than bytes,
        // so decoding a 50 MB page in full only to keep its start would waste the time the limit is there to save.
        var bytesPerChar = encoding switch { UTF32Encoding => 4, UnicodeEncoding => 2, _ => 1 };
        var maxBytes = (long)limits.MaxParsedChars * bytesPerChar;
        var truncated = body.Length > maxBytes;
        if (truncated) body = body[..(int)maxBytes];
        var html = encoding.GetString(body);
        if (html.Length > limits.MaxParsedChars)
        {
            html = html[..limits.MaxParsedChars];
            truncated = true;
        }
        return new DecodedHtml(html, encoding, truncated);
    }

    private static byte[] ReadAll(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new ExtractionException($"The page is larger than the {maxBytes / (1024 * 1024)} MB limit.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static (Encoding? Encoding, int Length) FromByteOrderMark(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return (new UTF8Encoding(false), 3);
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) return (new UTF32Encoding(false, false), 4);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (new UnicodeEncoding(false, false), 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (new UnicodeEncoding(true, false), 2);
        return (null, 0);
    }

    private static Encoding? FromDeclaration(byte[] bytes)
    {
        // Declarations are ASCII, so a Latin-1 view of the first bytes finds them whatever the real encoding.
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, SniffBytes));
        var xml = XmlEncoding().Match(head);
        if (xml.Success && FromName(xml.Groups["name"].Value) is { } fromXml) return fromXml;
        var meta = MetaCharset().Match(head);
        return meta.Success ? FromName(meta.Groups["name"].Value) : null;
    }

    private static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        name = name.Trim().ToLowerInvariant();
        // As browsers do: a page declaring Latin-1 or ASCII is decoded as Windows-1252, and a page declaring
        // UTF-16 in its (ASCII-readable) markup cannot really be UTF-16.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii") return Encoding.GetEncoding(1252);
        if (name is "utf-16" or "utf-16le" or "utf-16be" or "utf8" or "unicode") return new UTF8Encoding(false);
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == 65001 ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            // An unknown charset name is a page error; the next source of the encoding decides instead.
            return null;
        }
    }

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}
