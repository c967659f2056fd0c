using System.Security.Cryptography;
using System.Text;

namespace MinistryMonitor.Core.Storage;

/// <summary>Content hashes and the stable ids derived from them.</summary>
public static class Hashes
{
    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A statement's id: the hash of its source and item key (feed guid or URL), short enough for a table key.</summary>
    public static string StatementId(string sourceId, string itemKey) => Sha256(sourceId + "\n" + itemKey)[..24];
}
