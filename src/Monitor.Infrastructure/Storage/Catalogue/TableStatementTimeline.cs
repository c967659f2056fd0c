using Azure.Data.Tables;
using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// The statement listings in Table Storage. Partition = month of publication (else first seen); each statement has
/// rows keyed for each way it is listed, all in that one partition, so they are written in one transaction:
/// <c>a|{reverse time}|{source}|{id}</c> (all sources), <c>s|{source}|{reverse time}|{id}</c> (one source) and
/// <c>t|{topic token}|{reverse time}|{source}|{id}</c> (one topic; <c>Active</c> false once a version stops mentioning it).
/// The point lookups of the pipeline stay on <see cref="TableStatementIndex"/> (partition = source, row = id).
/// </summary>
public sealed class TableStatementTimeline(StorageClients clients, MonthDirectory months) : IStatementTimeline
{
    private const string Listing = "statements";

    private TableClient Table => clients.Table(StorageClients.TableNames.StatementTimeline);

    public async Task RecordAsync(StatementSummary statement, IReadOnlyList<string> previousTopics, CancellationToken cancellationToken)
    {
        var month = TimeKeys.Month(statement.ListedAt);
        await months.RecordAsync(Table, month, cancellationToken);
        // A transaction holds at most 100 actions; a statement mentioning more than 97 topics is written in chunks.
        foreach (var chunk in Rows(statement, previousTopics).Chunk(100))
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
    }

    /// <summary>
    /// Lists many statements at once (a backfill, the benchmark): rows grouped by month partition, 100 per transaction,
    /// <paramref name="parallelism"/> transactions in flight.
    /// </summary>
    public async Task RecordManyAsync(IEnumerable<StatementSummary> statements, int parallelism, CancellationToken cancellationToken)
    {
        var batches = statements
            .SelectMany(s => Rows(s, []))
            .GroupBy(a => a.Entity.PartitionKey)
            .SelectMany(g => g.Chunk(100))
            .ToList();
        foreach (var month in batches.Select(b => b[0].Entity.PartitionKey).Distinct())
            await months.RecordAsync(Table, month, cancellationToken, always: true);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await Table.SubmitTransactionAsync(batch, ct));
    }

    /// <summary>
    /// Deletes every topic row (<c>t|…</c>) of a topic not in <paramref name="topicIds"/>: for the reindex, so an id
    /// that should never have been listed (a subscriber's own terms) cannot be queried any more. Returns how many.
    /// </summary>
    public async Task<int> RemoveTopicRowsExceptAsync(IReadOnlyCollection<string> topicIds, CancellationToken cancellationToken)
    {
        var keep = topicIds.Select(t => $"t|{TimeKeys.Token(t)}|").ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>("RowKey ge 't|' and RowKey lt 't}'",
                           select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            var prefixEnd = row.RowKey.IndexOf('|', 2);
            if (prefixEnd > 0 && keep.Contains(row.RowKey[..(prefixEnd + 1)])) continue;
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, cancellationToken);
            removed++;
        }
        return removed;
    }

    private static IEnumerable<TableTransactionAction> Rows(StatementSummary statement, IReadOnlyList<string> previousTopics)
    {
        var at = statement.ListedAt;
        var month = TimeKeys.Month(at);
        var rev = TimeKeys.Reverse(at);
        var key = $"{statement.SourceId}|{statement.StatementId}";
        yield return Upsert(month, $"a|{rev}|{key}", statement, true);
        yield return Upsert(month, $"s|{statement.SourceId}|{rev}|{statement.StatementId}", statement, true);
        foreach (var topic in statement.Topics.Distinct())
            yield return Upsert(month, $"t|{TimeKeys.Token(topic)}|{rev}|{key}", statement, true);
        foreach (var topic in previousTopics.Except(statement.Topics))
            yield return Upsert(month, $"t|{TimeKeys.Token(topic)}|{rev}|{key}", statement, false);
    }

    public async Task<Page<StatementSummary>> ListAsync(StatementQuery query, CancellationToken cancellationToken)
    {
        var prefix = query switch
        {
            { TopicId: { } topic } => $"t|{TimeKeys.Token(topic)}|",
            { SourceId: { } source } => $"s|{source}|",
            _ => "a|",
        };
        var filters = new List<string>();
        if (query.TopicId is not null) filters.Add("Active eq true");
        if (query.TopicId is not null && query.SourceId is { } sourceId) filters.Add(TableClient.CreateQueryFilter($"SourceId eq {sourceId}"));
        if (query.Language is { } language) filters.Add(TableClient.CreateQueryFilter($"Language eq {language}"));
        var (low, high) = TimeKeys.Range(prefix, query.Since, query.Until);

        var monthList = (await months.ListAsync(Table, cancellationToken)).Where(m => TimeKeys.Overlaps(m, query.Since, query.Until));
        var (rows, token) = await PartitionPager.ReadAsync(Table, Listing, monthList,
            new PartitionPager.Range(low, high, filters.Count == 0 ? null : string.Join(" and ", filters)),
            Paging.Clamp(query.PageSize), query.ContinuationToken, cancellationToken);
        return new Page<StatementSummary>(rows.Select(ToSummary).ToList(), token);
    }

    private static TableTransactionAction Upsert(string month, string rowKey, StatementSummary s, bool active) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(month, rowKey)
        {
            ["SourceId"] = s.SourceId,
            ["StatementId"] = s.StatementId,
            ["Title"] = s.Title,
            ["Url"] = s.Url.AbsoluteUri,
            ["Published"] = s.Published,
            ["Version"] = s.Version,
            ["Language"] = s.Language,
            ["Topics"] = TopicList.Join(s.Topics),
            ["BasePath"] = s.BasePath,
            ["FirstSeen"] = s.FirstSeen,
            ["LastChanged"] = s.LastChanged,
            ["Active"] = active,
            ["WithdrawnAt"] = s.WithdrawnAt,
        });

    private static StatementSummary ToSummary(TableEntity e) => new(
        e.GetString("SourceId"),
        e.GetString("StatementId"),
        e.GetString("Title"),
        new Uri(e.GetString("Url")),
        e.GetDateTimeOffset("Published"),
        e.GetInt32("Version") ?? 0,
        e.GetString("Language"),
        TopicList.Split(e.GetString("Topics") ?? ""),
        e.GetString("BasePath"),
        e.GetDateTimeOffset("FirstSeen") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("LastChanged") ?? DateTimeOffset.MinValue)
    {
        WithdrawnAt = e.GetDateTimeOffset("WithdrawnAt"),
    };
}
