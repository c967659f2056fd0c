using System.Buffers.Text;
using System.Text;
using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// Where a listing stopped: the listing it belongs to, the month partition and the last row key returned, as
/// base64url text. Callers treat it as opaque; a token of another listing, or an altered one, is refused.
/// </summary>
internal sealed record ContinuationToken(string Listing, string Partition, string RowKey)
{
    private const char Separator = '\n';

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, "1", Listing, Partition, RowKey)));

    public static ContinuationToken? Decode(string? token, string listing)
    {
        if (string.IsNullOrEmpty(token)) return null;
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(Separator);
        }
        catch (FormatException)
        {
            throw new InvalidContinuationTokenException("The continuation token is not valid.");
        }
        if (parts is not ["1", var kind, var partition, var rowKey] || kind != listing || partition.Length == 0 || rowKey.Length == 0)
            throw new InvalidContinuationTokenException($"The continuation token does not belong to the {listing} listing.");
        return new ContinuationToken(kind, partition, rowKey);
    }
}
