using Azure.Data.Tables;
using Monitor.Core.Storage;

namespace Monitor.Infrastructure.Storage;

/// <summary>Sent e-mails in Table Storage: partition = alert id, row = a hash of the recipient.</summary>
public sealed class TableDeliveryLedger(StorageClients clients) : IDeliveryLedger
{
    private TableClient Table => clients.Table(StorageClients.TableNames.Deliveries);

    public async Task<bool> WasSentAsync(string alertId, string recipient, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(alertId, RowKey(recipient), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    public async Task RecordSentAsync(DeliveryRecord delivery, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(delivery.AlertId, RowKey(delivery.Recipient))
        {
            ["Recipient"] = delivery.Recipient,
            ["TopicId"] = delivery.TopicId,
            ["Subject"] = delivery.Subject,
            ["SentAt"] = delivery.SentAt,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<DeliveryRecord>> ReadRecentAsync(int max, CancellationToken cancellationToken)
    {
        var deliveries = new List<DeliveryRecord>();
        await foreach (var e in Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            deliveries.Add(new DeliveryRecord(e.PartitionKey, e.GetString("Recipient"), e.GetString("TopicId"), e.GetString("Subject"), e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue));
        return deliveries.OrderByDescending(d => d.SentAt).Take(max).ToList();
    }

    private static string RowKey(string recipient) => Hashes.Sha256(recipient.Trim().ToLowerInvariant())[..32];
}
