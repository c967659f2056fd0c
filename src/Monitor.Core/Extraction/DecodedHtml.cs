using System.Text;

namespace MinistryMonitor.Core.Extraction;

/// <summary>HTML decoded from bytes, with the encoding used and whether it was cut to the size limit.</summary>
public sealed record DecodedHtml(string Html, Encoding Encoding, bool Truncated);
