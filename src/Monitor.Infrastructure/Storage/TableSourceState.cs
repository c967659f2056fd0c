using Azure.Data.Tables;
using Monitor.Core.Storage;

namespace Monitor.Infrastructure.Storage;

/// <summary>Per-source scheduling state in Table Storage.</summary>
public sealed class TableSourceState(StorageClients clients) : ISourceStateStore
{
    private const string Partition = "source";

    private TableClient Table => clients.Table(StorageClients.TableNames.SourceState);

    public async Task<DateTimeOffset?> GetLastScheduledAsync(string sourceId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sourceId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.GetDateTimeOffset("LastScheduled") : null;
    }

    public async Task SetLastScheduledAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition, sourceId) { ["LastScheduled"] = at }, TableUpdateMode.Merge, cancellationToken);

    public async Task<(int Before, int After)> RecordDiscoveryAsync(string sourceId, bool healthy, CancellationToken cancellationToken)
    {
        // A source is discovered by one message at a time in practice; a lost update only delays an operator alert by a cycle.
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sourceId, cancellationToken: cancellationToken);
        var before = response.HasValue ? response.Value!.GetInt32("ConsecutiveFailures") ?? 0 : 0;
        var after = healthy ? 0 : before + 1;
        await Table.UpsertEntityAsync(new TableEntity(Partition, sourceId) { ["ConsecutiveFailures"] = after }, TableUpdateMode.Merge, cancellationToken);
        return (before, after);
    }
}
