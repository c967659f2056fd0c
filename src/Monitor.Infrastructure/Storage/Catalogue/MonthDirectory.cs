using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// The month partitions a table holds, kept in its <c>months</c> partition so a listing with no date bound knows
/// where to stop without scanning. Each month is written once per process (an upsert, so racing writers agree).
/// Listings reuse what they read for <see cref="ReadCacheDuration"/>, which saves one request per page; a month
/// first written by another process shows up within that time.
/// </summary>
public sealed class MonthDirectory
{
    public static readonly TimeSpan ReadCacheDuration = TimeSpan.FromSeconds(30);
    private const string Partition = "months";
    private readonly ConcurrentDictionary<(string Table, string Month), bool> recorded = new();
    private readonly ConcurrentDictionary<string, (long ReadAt, IReadOnlyList<string> Months)> read = new();

    /// <param name="always">Write even if this process wrote it before (a rebuild after the rows were cleared).</param>
    public async ValueTask RecordAsync(TableClient table, string month, CancellationToken cancellationToken, bool always = false)
    {
        if (!always && recorded.ContainsKey((table.Name, month))) return;
        await table.UpsertEntityAsync(new TableEntity(Partition, month), TableUpdateMode.Merge, cancellationToken);
        recorded[(table.Name, month)] = true;
        read.TryRemove(table.Name, out _);
    }

    /// <summary>Newest month first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(TableClient table, CancellationToken cancellationToken)
    {
        if (read.TryGetValue(table.Name, out var cached) && Environment.TickCount64 - cached.ReadAt < ReadCacheDuration.TotalMilliseconds)
            return cached.Months;
        var months = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, select: ["RowKey"], cancellationToken: cancellationToken))
            months.Add(e.RowKey);
        months.Sort((a, b) => string.CompareOrdinal(b, a));
        read[table.Name] = (Environment.TickCount64, months);
        return months;
    }
}
