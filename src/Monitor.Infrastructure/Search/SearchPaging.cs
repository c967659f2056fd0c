using System.Globalization;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Search;

/// <summary>
/// Search pages are offsets into the ranked results; the token also carries a hash of the query, so a token reused
/// with another query is refused rather than paging through the wrong results.
/// </summary>
internal static class SearchPaging
{
    private const string Listing = "search";
    public const int MaxOffset = 10_000;

    public static int Offset(StatementQuery query)
    {
        if (ContinuationToken.Decode(query.ContinuationToken, Listing) is not { } token) return 0;
        if (token.Partition != Fingerprint(query) || !int.TryParse(token.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset > MaxOffset)
            throw new InvalidContinuationTokenException("The continuation token belongs to another search.");
        return offset;
    }

    public static string? Next(StatementQuery query, int offset) =>
        offset > MaxOffset ? null : new ContinuationToken(Listing, Fingerprint(query), offset.ToString(CultureInfo.InvariantCulture)).Encode();

    private static string Fingerprint(StatementQuery q) =>
        Hashes.Sha256(string.Join('\n', q.Text, q.SourceId, q.TopicId, q.Language, q.Since?.UtcTicks, q.Until?.UtcTicks, Paging.Clamp(q.PageSize)))[..16];
}
