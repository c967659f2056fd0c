using Azure;
using Azure.Data.Tables;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>The statement index in Table Storage: partition = source id, row = statement id.</summary>
public sealed class TableStatementIndex(StorageClients clients) : IStatementIndex
{
    private TableClient Table => clients.Table(StorageClients.TableNames.Statements);

    public async Task<StatementRecord?> GetAsync(string sourceId, string statementId, CancellationToken cancellationToken)
    {
        // Ids from a URL (the web reader) can be anything; no statement is stored under a key the table refuses.
        if (!TableKeys.IsValid(sourceId) || !TableKeys.IsValid(statementId)) return null;
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(sourceId, statementId, cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    public async Task<bool> TrySaveAsync(StatementRecord record, CancellationToken cancellationToken)
    {
        var entity = ToEntity(record);
        try
        {
            if (record.ETag is null) await Table.AddEntityAsync(entity, cancellationToken);
            else await Table.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Reads the whole table: for tests and tools only; listings use <see cref="TableStatementTimeline"/>.</summary>
    public async IAsyncEnumerable<StatementRecord> ListAsync(string? sourceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = sourceId is null
            ? Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken)
            : Table.QueryAsync<TableEntity>(e => e.PartitionKey == sourceId, cancellationToken: cancellationToken);
        await foreach (var entity in query)
            yield return ToRecord(entity);
    }

    private static TableEntity ToEntity(StatementRecord r) => new(r.SourceId, r.StatementId)
    {
        ["ItemKey"] = r.ItemKey,
        ["Url"] = r.Url.AbsoluteUri,
        ["Title"] = r.Title,
        ["Published"] = r.Published,
        ["BasePath"] = r.BasePath,
        ["Version"] = r.Version,
        ["TextHash"] = r.TextHash,
        ["RawHash"] = r.RawHash,
        ["DetectedVersion"] = r.DetectedVersion,
        ["FirstSeen"] = r.FirstSeen,
        ["LastChanged"] = r.LastChanged,
        ["ExtractionMethod"] = r.ExtractionMethod,
        ["Language"] = r.Language,
        ["Topics"] = r.Topics is null ? null : TopicList.Join(r.Topics),
        ["WithdrawnAt"] = r.WithdrawnAt,
        ["WithdrawnReason"] = r.WithdrawnReason,
        ["RestoredAt"] = r.RestoredAt,
        ["Withdrawals"] = r.Withdrawals,
    };

    private static StatementRecord ToRecord(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetString("ItemKey"),
        new Uri(e.GetString("Url")),
        e.GetString("Title"),
        e.GetDateTimeOffset("Published"),
        e.GetString("BasePath"),
        e.GetInt32("Version") ?? 0,
        e.GetString("TextHash"),
        e.GetString("RawHash"),
        e.GetInt32("DetectedVersion") ?? 0,
        e.GetDateTimeOffset("FirstSeen") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("LastChanged") ?? DateTimeOffset.MinValue,
        e.ETag.ToString(),
        e.GetString("Language"),
        e.GetString("Topics") is { } topics ? TopicList.Split(topics) : null)
    {
        ExtractionMethod = e.GetString("ExtractionMethod"),
        WithdrawnAt = e.GetDateTimeOffset("WithdrawnAt"),
        WithdrawnReason = e.GetString("WithdrawnReason"),
        RestoredAt = e.GetDateTimeOffset("RestoredAt"),
        Withdrawals = e.GetInt32("Withdrawals") ?? 0,
    };
}
