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
}
