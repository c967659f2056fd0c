using Azure.Data.Tables;
using MinistryMonitor.Core.Health;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>Per-source scheduling and health state in Table Storage: one row per source.</summary>
public sealed class TableSourceState(StorageClients clients) : ISourceStateStore
{
    private const string Partition = "source";
    private const int MaxReasonLength = 2_000;

    private TableClient Table => clients.Table(StorageClients.TableNames.SourceState);

    public async Task<DateTimeOffset?> GetLastScheduledAsync(string sourceId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sourceId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.GetDateTimeOffset("LastScheduled") : null;
    }

    public async Task SetLastScheduledAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition, sourceId) { ["LastScheduled"] = at }, TableUpdateMode.Merge, cancellationToken);

    public async Task DeferAsync(string sourceId, DateTimeOffset until, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition, sourceId) { ["DeferredUntil"] = until }, TableUpdateMode.Merge, cancellationToken);

    public async Task<DateTimeOffset?> GetDeferredUntilAsync(string sourceId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sourceId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.GetDateTimeOffset("DeferredUntil") : null;
    }

    public async Task<DateTimeOffset?> GetLastSweptAsync(string sourceId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sourceId, ["LastSwept"], cancellationToken);
        return response.HasValue ? response.Value!.GetDateTimeOffset("LastSwept") : null;
    }

    public async Task SetLastSweptAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition, sourceId) { ["LastSwept"] = at }, TableUpdateMode.Merge, cancellationToken);

    public async Task<DiscoveryTally> RecordDiscoveryAsync(string sourceId, DateTimeOffset at, string? failure, bool foundNew, CancellationToken cancellationToken, string? skipped = null)
    {
        // A source is discovered by one message at a time in practice; a lost update only delays an operator alert by a cycle.
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sourceId, cancellationToken: cancellationToken);
        var before = response.HasValue ? response.Value!.GetInt32("ConsecutiveFailures") ?? 0 : 0;
        var alerted = response.HasValue && (response.Value!.GetBoolean("IncidentAlerted") ?? false);
        var after = failure is null ? 0 : before + 1;
        var entity = new TableEntity(Partition, sourceId) { ["ConsecutiveFailures"] = after };
        if (failure is null)
        {
            entity["LastSuccess"] = at;
            entity["LastSkipped"] = skipped is { Length: > MaxReasonLength } s ? s[..MaxReasonLength] : skipped ?? string.Empty;
        }
        else
        {
            entity["LastFailure"] = at;
            entity["LastFailureReason"] = failure.Length > MaxReasonLength ? failure[..MaxReasonLength] : failure;
        }
        if (foundNew) entity["LastNewItem"] = at;
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        return new DiscoveryTally(before, after, alerted);
    }

    public async Task SetIncidentAlertedAsync(string sourceId, bool alerted, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition, sourceId) { ["IncidentAlerted"] = alerted }, TableUpdateMode.Merge, cancellationToken);

    public async Task<IReadOnlyDictionary<string, SourceHealthState>> ReadHealthAsync(CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, SourceHealthState>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            states[e.RowKey] = new SourceHealthState(e.RowKey, e.GetDateTimeOffset("LastSuccess"), e.GetDateTimeOffset("LastFailure"),
                e.GetString("LastFailureReason"), e.GetInt32("ConsecutiveFailures") ?? 0, e.GetDateTimeOffset("LastNewItem"),
                e.GetString("LastSkipped") is { Length: > 0 } skipped ? skipped : null);
        }
        return states;
    }
}
