using System.Globalization;
using Azure.Data.Tables;
using Monitor.Core.Storage;

namespace Monitor.Infrastructure.Storage;

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
        var rowKey = ReverseTicks(at) + "-" + Guid.NewGuid().ToString("N")[..12];
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
        }, cancellationToken);
    }

    public Task<IReadOnlyList<IngestionEntry>> ReadRecentAsync(int max, CancellationToken cancellationToken) =>
        QueryAsync(new IngestionQuery(max), cancellationToken);

    public async Task<IReadOnlyList<IngestionEntry>> QueryAsync(IngestionQuery query, CancellationToken cancellationToken)
    {
        var entries = new List<IngestionEntry>();
        var since = query.Since?.ToUniversalTime();
        var month = time.GetUtcNow();
        for (var i = 0; i < MonthsSearched && entries.Count < query.Max; i++, month = month.AddMonths(-1))
        {
            var partition = Partition(month);
            if (since is { } s && string.CompareOrdinal(partition, Partition(s)) < 0) break;
            await foreach (var e in Table.QueryAsync<TableEntity>(Filter(partition, query, since), maxPerPage: Math.Min(query.Max, 1000), cancellationToken: cancellationToken))
            {
                entries.Add(ToEntry(e));
                if (entries.Count >= query.Max) break;
            }
        }
        return entries;
    }

    /// <summary>
    /// Row keys are reverse ticks, so "since" is a row-key range the service answers without a scan; source and
    /// outcome are filtered by the service within the month.
    /// </summary>
    private static string Filter(string partition, IngestionQuery query, DateTimeOffset? since)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (since is { } s) filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {ReverseTicks(s) + "~"}");
        if (query.SourceId is { } sourceId) filter += " and " + TableClient.CreateQueryFilter($"SourceId eq {sourceId}");
        if (query.Outcome is { } outcome) filter += " and " + TableClient.CreateQueryFilter($"Outcome eq {outcome.ToString()}");
        return filter;
    }

    private static string ReverseTicks(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.ToUniversalTime().UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

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
        e.GetString("Error"));
}
