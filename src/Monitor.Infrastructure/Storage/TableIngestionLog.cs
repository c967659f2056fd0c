using System.Globalization;
using Azure.Data.Tables;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// The ingestion log in Table Storage: one partition per month, row keys in reverse time order so that a
/// plain query returns the newest fetches first.
/// </summary>
public sealed class TableIngestionLog(StorageClients clients, TimeProvider time) : IIngestionLog
{
    private const int MonthsSearched = 13;

    private TableClient Table => clients.Table(StorageClients.TableNames.IngestionLog);

    public async Task RecordAsync(IngestionEntry entry, CancellationToken cancellationToken)
    {
        var at = entry.StartedAt.ToUniversalTime();
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];
        await Table.AddEntityAsync(new TableEntity(Partition(at), rowKey)
        {
            ["SourceId"] = entry.SourceId,
            ["Kind"] = entry.Kind,
            ["Url"] = entry.Url.AbsoluteUri,
            ["StartedAt"] = entry.StartedAt,
            ["Outcome"] = entry.Outcome.ToString(),
            ["HttpStatus"] = entry.HttpStatus,
            ["Bytes"] = entry.Bytes,
            ["ItemsFound"] = entry.ItemsFound,
            ["ItemsNew"] = entry.ItemsNew,
            ["ItemsChanged"] = entry.ItemsChanged,
            ["DurationMs"] = entry.Duration.TotalMilliseconds,
            ["Error"] = entry.Error is { Length: > 16_000 } e ? e[..16_000] : entry.Error,
            ["ItemsSkipped"] = entry.ItemsSkipped,
            ["Skipped"] = entry.Skipped is { Length: > 4_000 } k ? k[..4_000] : entry.Skipped,
        }, cancellationToken);
    }

    public Task<IReadOnlyList<IngestionEntry>> ReadRecentAsync(int max, CancellationToken cancellationToken) =>
        Pages.ReadFirstAsync(max, (size, token, ct) => ListAsync(new IngestionQuery { PageSize = size, ContinuationToken = token }, ct), cancellationToken);

    /// <summary>
    /// A page of the log: the month partitions from <see cref="IngestionQuery.Until"/> (or now) back to
    /// <see cref="IngestionQuery.Since"/> (or 13 months), source and outcome filtered by the table service.
    /// </summary>
    public async Task<Page<IngestionEntry>> ListAsync(IngestionQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var newest = query.Until is { } until && until < now ? until.AddTicks(-1) : now;
        var oldest = query.Since ?? now.AddMonths(1 - MonthsSearched);
        var filters = new List<string>();
        if (query.SourceId is { } source) filters.Add(TableClient.CreateQueryFilter($"SourceId eq {source}"));
        if (query.Outcome is { } outcome) filters.Add(TableClient.CreateQueryFilter($"Outcome eq {outcome.ToString()}"));
        var (low, high) = TimeKeys.Range("", query.Since, query.Until);
        var (rows, token) = await PartitionPager.ReadAsync(Table, "log", TimeKeys.MonthsBack(newest, oldest),
            new PartitionPager.Range(low, high, filters.Count == 0 ? null : string.Join(" and ", filters)),
            Paging.Clamp(query.PageSize), query.ContinuationToken, cancellationToken);
        return new Page<IngestionEntry>(rows.Select(ToEntry).ToList(), token);
    }

    private static string Partition(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static IngestionEntry ToEntry(TableEntity e) => new(
        e.GetString("SourceId"),
        e.GetString("Kind"),
        new Uri(e.GetString("Url")),
        e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        Enum.TryParse<IngestionOutcome>(e.GetString("Outcome"), out var outcome) ? outcome : IngestionOutcome.InvalidContent,
        e.GetInt32("HttpStatus"),
        e.GetInt64("Bytes") ?? 0,
        e.GetInt32("ItemsFound") ?? 0,
        e.GetInt32("ItemsNew") ?? 0,
        e.GetInt32("ItemsChanged") ?? 0,
        TimeSpan.FromMilliseconds(e.GetDouble("DurationMs") ?? 0),
        e.GetString("Error"),
        e.GetInt32("ItemsSkipped") ?? 0,
        e.GetString("Skipped"));
}
