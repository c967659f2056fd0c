using Azure;
using Azure.Data.Tables;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Subscriptions;

/// <summary>Alerts waiting for a digest: partition = subscription id, row = alert id, with the alert JSON.</summary>
public sealed class TableDigestInbox(StorageClients clients) : IDigestInbox
{
    private TableClient Table => clients.Table(StorageClients.TableNames.DigestItems);

    public async Task AddAsync(string subscriptionId, AlertMessage alert, DateTimeOffset filedAt, CancellationToken cancellationToken)
    {
        try
        {
            // Insert, not upsert: a redelivered alert keeps its first filing time.
            await Table.AddEntityAsync(new TableEntity(subscriptionId, alert.AlertId)
            {
                ["FiledAt"] = filedAt,
                ["Json"] = PipelineJson.Serialize(alert),
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Filed already.
        }
    }

    public async Task<IReadOnlyList<AlertMessage>> ListAsync(string subscriptionId, DateTimeOffset filedBefore, CancellationToken cancellationToken)
    {
        var alerts = new List<AlertMessage>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == subscriptionId, cancellationToken: cancellationToken))
        {
            if (e.GetDateTimeOffset("FiledAt") is { } filed && filed < filedBefore)
                alerts.Add(PipelineJson.Deserialize<AlertMessage>(e.GetString("Json"), "digest inbox"));
        }
        return alerts.OrderBy(a => a.RaisedAt).ToList();
    }

    public async Task RemoveAsync(string subscriptionId, IEnumerable<string> alertIds, CancellationToken cancellationToken)
    {
        foreach (var id in alertIds)
            await Table.DeleteEntityAsync(subscriptionId, id, ETag.All, cancellationToken);
    }
}
