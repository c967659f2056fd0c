using Azure;
using Azure.Data.Tables;
using Monitor.Core.Messages;
using Monitor.Core.Storage;

namespace Monitor.Infrastructure.Storage;

/// <summary>
/// Raised alerts in Table Storage, keyed by alert id; the full alert JSON is kept for listing and for re-sending it
/// identical. <c>Enqueued</c> is false from the record until the alert is on the queue (rows written before that
/// column existed count as enqueued).
/// </summary>
public sealed class TableAlertLedger(StorageClients clients) : IAlertLedger
{
    private const string Partition = "alert";

    private TableClient Table => clients.Table(StorageClients.TableNames.Alerts);

    public async Task<bool> IsEnqueuedAsync(string alertId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, alertId, select: ["RowKey", "Enqueued"], cancellationToken: cancellationToken);
        return row.HasValue && (row.Value!.GetBoolean("Enqueued") ?? true);
    }

    public async Task<AlertMessage> RecordRaisedAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition, alert.AlertId)
            {
                ["TopicId"] = alert.TopicId,
                ["SourceId"] = alert.SourceId,
                ["RaisedAt"] = alert.RaisedAt,
                ["Json"] = PipelineJson.Serialize(alert),
                ["Enqueued"] = false,
            }, cancellationToken);
            return alert;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await Table.GetEntityAsync<TableEntity>(Partition, alert.AlertId, select: ["Json"], cancellationToken: cancellationToken);
            return PipelineJson.Deserialize<AlertMessage>(existing.Value.GetString("Json"), "alerts ledger");
        }
    }

    public async Task MarkEnqueuedAsync(string alertId, CancellationToken cancellationToken) =>
        await Table.UpdateEntityAsync(new TableEntity(Partition, alertId) { ["Enqueued"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task<IReadOnlyList<AlertMessage>> ReadRecentAsync(int max, CancellationToken cancellationToken)
    {
        // Alerts are few (one per topic and statement version), so a partition scan sorted in memory is enough.
        var alerts = new List<AlertMessage>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
            alerts.Add(PipelineJson.Deserialize<AlertMessage>(e.GetString("Json"), "alerts ledger"));
        return alerts.OrderByDescending(a => a.RaisedAt).Take(max).ToList();
    }
}
