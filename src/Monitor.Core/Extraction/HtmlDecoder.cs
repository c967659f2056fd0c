using System.IO.Compression;
using MinistryMonitor.Core.Decoding;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Turns raw page bytes into HTML for extraction: gunzips, enforces the size limits, refuses binary content, and
/// leaves the choice of encoding to the pipeline's one decoder, <see cref="TextDecoder"/>.
/// </summary>
public static class HtmlDecoder
{
    public static DecodedHtml Decode(Stream content, string? contentType, ExtractionLimits? limits = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= ExtractionLimits.Default;
        var bytes = ReadAll(content, limits.MaxInputBytes);
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
            bytes = ReadAll(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress), limits.MaxInputBytes);
        return Decode(bytes, contentType, limits, language);
    }

    public static DecodedHtml Decode(byte[] bytes, string? contentType, ExtractionLimits? limits = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= ExtractionLimits.Default;
        if (bytes.Length == 0) throw new ExtractionException("The page is empty (0 bytes).");

        // One detection: the decoder says where it found the encoding, which is all the binary check needs to know.
        var decoded = TextDecoder.Decode(bytes, contentType, language, limits.MaxParsedChars);
        // UTF-16 text is full of zero bytes; anything else with them is not text.
        if (decoded.Source is not (EncodingSource.ByteOrderMark or EncodingSource.Utf16Pattern)) BinarySniffer.ThrowIfBinary(bytes);
        return new DecodedHtml(decoded.Text, decoded.Encoding, decoded.Truncated);
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
}
