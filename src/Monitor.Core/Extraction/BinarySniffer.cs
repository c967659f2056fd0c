namespace MinistryMonitor.Core.Extraction;

/// <summary>Recognises content that is not text (images, PDFs, archives, executables) before any parsing.</summary>
internal static class BinarySniffer
{
    private const int SampleBytes = 8 * 1024;

    private static readonly (byte[] Magic, string Kind)[] Signatures =
    [
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("PK\u0003\u0004"u8.ToArray(), "a ZIP archive (or an Office document)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document"),
        ("MZ"u8.ToArray(), "an executable"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "an executable"),
    ];

    public static void ThrowIfBinary(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, kind) in Signatures)
            if (bytes.StartsWith(magic)) throw new ExtractionException($"The content is {kind}, not HTML.");

        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0) throw new ExtractionException("The content is binary (it contains NUL bytes), not HTML.");
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B)) control++;
        }
        // Text in any 8-bit or UTF-8 encoding has next to no C0 control characters.
        if (control > sample.Length / 20) throw new ExtractionException("The content is binary (mostly control characters), not HTML.");
    }
}
