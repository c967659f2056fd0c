using Azure.Data.Tables;
using Monitor.Core.Messages;
using Monitor.Core.Storage;

namespace Monitor.Infrastructure.Storage;

/// <summary>Raised alerts in Table Storage, keyed by alert id; the full alert JSON is kept for listing.</summary>
public sealed class TableAlertLedger(StorageClients clients) : IAlertLedger
{
    private const string Partition = "alert";

    private TableClient Table => clients.Table(StorageClients.TableNames.Alerts);

    public async Task<bool> IsEnqueuedAsync(string alertId, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(Partition, alertId, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    public async Task RecordEnqueuedAsync(AlertMessage alert, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition, alert.AlertId)
        {
            ["TopicId"] = alert.TopicId,
            ["SourceId"] = alert.SourceId,
            ["RaisedAt"] = alert.RaisedAt,
            ["Json"] = PipelineJson.Serialize(alert),
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<AlertMessage>> ReadRecentAsync(int max, CancellationToken cancellationToken)
    {
        // Alerts are few (one per topic and statement version), so a partition scan sorted in memory is enough.
        var alerts = new List<AlertMessage>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
            alerts.Add(PipelineJson.Deserialize<AlertMessage>(e.GetString("Json"), "alerts ledger"));
        return alerts.OrderByDescending(a => a.RaisedAt).Take(max).ToList();
    }
}
