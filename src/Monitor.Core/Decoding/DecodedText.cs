using System.Text;

namespace MinistryMonitor.Core.Decoding;

/// <summary>Text decoded from bytes: the encoding used, where it came from, and whether the text was cut to the size limit.</summary>
public sealed record DecodedText(string Text, Encoding Encoding, EncodingSource Source, bool Truncated);

/// <summary>Where the decoder found the encoding, most authoritative first.</summary>
public enum EncodingSource
{
    ByteOrderMark,
    HttpHeader,
    XmlDeclaration,
    MetaTag,
    /// <summary>The bytes are valid UTF-8 (or plain ASCII).</summary>
    ValidUtf8,
    /// <summary>UTF-16 without a byte order mark, recognised by its zero bytes around ASCII markup.</summary>
    Utf16Pattern,
    /// <summary>Statistical detection (UTF.Unknown), among the encodings that fit the source's language when it is known.</summary>
    Detected,
    /// <summary>The usual legacy encoding of the source's language.</summary>
    Language,
    /// <summary>windows-1252, as browsers do when nothing else is known.</summary>
    Default,
}
