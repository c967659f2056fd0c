using Azure.Data.Tables;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// Sent e-mails in Table Storage. The ledger row (partition = alert id, row = a hash of the recipient) answers
/// "was it sent?"; a listing row in the month partition of <see cref="DeliveryRecord.SentAt"/>
/// (<c>{reverse time}|{alert id}|{recipient hash}</c>) lists them newest first.
/// </summary>
public sealed class TableDeliveryLedger(StorageClients clients, MonthDirectory months) : IDeliveryLedger
{
    private const string Listing = "deliveries";

    private TableClient Table => clients.Table(StorageClients.TableNames.Deliveries);

    public async Task<bool> WasSentAsync(string alertId, string recipient, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(KeySafe(alertId), RowKey(recipient), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    public async Task RecordSentAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        var month = TimeKeys.Month(delivery.SentAt);
        await months.RecordAsync(Table, month, cancellationToken);
        await Table.UpsertEntityAsync(Row(month, $"{TimeKeys.Reverse(delivery.SentAt)}|{KeySafe(delivery.AlertId)}|{RowKey(delivery.Recipient)}", delivery),
            TableUpdateMode.Replace, cancellationToken);
        await Table.UpsertEntityAsync(Row(KeySafe(delivery.AlertId), RowKey(delivery.Recipient), delivery), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Table keys may not hold '/', '\', '#' or '?' (a digest's id is "digest/…"): those ids are escaped.</summary>
    private static string KeySafe(string id) => id.AsSpan().IndexOfAny("/\\#?") < 0 ? id : Uri.EscapeDataString(id);

    /// <summary>Writes the listing row of every sent e-mail in the ledger (for e-mails sent before they existed); returns the count.</summary>
    public async Task<int> RelistAsync(CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        // Ledger rows are the ones whose partition is an alert id (32 hex digits), not a month or the month directory.
        await foreach (var e in Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (e.PartitionKey.Length != 32) continue;
            var delivery = new DeliveryRecord(e.PartitionKey, e.GetString("Recipient"), e.GetString("TopicId"), e.GetString("Subject"),
                e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue);
            var month = TimeKeys.Month(delivery.SentAt);
            await months.RecordAsync(Table, month, cancellationToken, always: true);
            actions.Add(new(TableTransactionActionType.UpsertReplace,
                Row(month, $"{TimeKeys.Reverse(delivery.SentAt)}|{KeySafe(delivery.AlertId)}|{e.RowKey}", delivery)));
        }
        foreach (var chunk in actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(g => g.Chunk(100)))
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
        return actions.Count;
    }

    public Task<IReadOnlyList<DeliveryRecord>> ReadRecentAsync(int max, CancellationToken cancellationToken) =>
        Pages.ReadFirstAsync(max, (size, token, ct) => ListAsync(new DeliveryQuery { PageSize = size, ContinuationToken = token }, ct), cancellationToken);

    public async Task<Page<DeliveryRecord>> ListAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        var (low, high) = TimeKeys.Range("", query.Since, query.Until);
        var monthList = (await months.ListAsync(Table, cancellationToken)).Where(m => TimeKeys.Overlaps(m, query.Since, query.Until));
        var (rows, token) = await PartitionPager.ReadAsync(Table, Listing, monthList, new PartitionPager.Range(low, high),
            Paging.Clamp(query.PageSize), query.ContinuationToken, cancellationToken);
        return new Page<DeliveryRecord>(rows.Select(e => new DeliveryRecord(
            e.GetString("AlertId"), e.GetString("Recipient"), e.GetString("TopicId"), e.GetString("Subject"),
            e.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue)).ToList(), token);
    }

    private static TableEntity Row(string partition, string rowKey, DeliveryRecord delivery) => new(partition, rowKey)
    {
        ["AlertId"] = delivery.AlertId,
        ["Recipient"] = delivery.Recipient,
        ["TopicId"] = delivery.TopicId,
        ["Subject"] = delivery.Subject,
        ["SentAt"] = delivery.SentAt,
    };

    private static string RowKey(string recipient) => Hashes.Sha256(recipient.Trim().ToLowerInvariant())[..32];
}
