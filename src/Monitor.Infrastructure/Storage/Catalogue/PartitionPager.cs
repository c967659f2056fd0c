using Azure.Data.Tables;
using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// Reads one page of a time-keyed listing: a row-key range in each month partition, newest month first, resuming
/// after the continuation token's row. Reads one row past the page to know whether another page exists.
/// </summary>
internal static class PartitionPager
{
    public sealed record Range(string Low, string High, string? Filter = null);

    public static async Task<(IReadOnlyList<TableEntity> Rows, string? Token)> ReadAsync(
        TableClient table, string listing, IEnumerable<string> monthsNewestFirst, Range range, int pageSize, string? continuationToken,
        CancellationToken cancellationToken)
    {
        var token = ContinuationToken.Decode(continuationToken, listing);
        if (token is not null && (string.CompareOrdinal(token.RowKey, range.Low) < 0 || string.CompareOrdinal(token.RowKey, range.High) >= 0))
            throw new InvalidContinuationTokenException($"The continuation token does not belong to this {listing} query.");

        var rows = new List<TableEntity>(pageSize + 1);
        foreach (var month in monthsNewestFirst)
        {
            if (token is not null && string.CompareOrdinal(month, token.Partition) > 0) continue;
            var resume = token is not null && month == token.Partition;
            var filter = resume
                ? TableClient.CreateQueryFilter($"PartitionKey eq {month} and RowKey gt {token!.RowKey} and RowKey lt {range.High}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {month} and RowKey ge {range.Low} and RowKey lt {range.High}");
            if (range.Filter is not null) filter += " and " + range.Filter;

            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, pageSize + 1), cancellationToken: cancellationToken))
            {
                rows.Add(row);
                if (rows.Count > pageSize) break;
            }
            if (rows.Count > pageSize) break;
        }

        if (rows.Count <= pageSize) return (rows, null);
        rows.RemoveAt(pageSize);
        var last = rows[^1];
        return (rows, new ContinuationToken(listing, last.PartitionKey, last.RowKey).Encode());
    }
}
