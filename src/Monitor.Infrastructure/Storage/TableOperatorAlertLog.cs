using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// The operator alert log in Table Storage: one partition, row keys in reverse time order then the alert id, so a
/// plain query lists the newest first and the same alert always lands on the same row (a conditional insert).
/// </summary>
public sealed class TableOperatorAlertLog(StorageClients clients) : IOperatorAlertLog
{
    private const string Partition = "operator";

    private TableClient Table => clients.Table(StorageClients.TableNames.OperatorAlerts);

    public async Task<OperatorAlertRecord> RecordAsync(OperatorAlertRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition, RowKey(record.Alert, record.Id))
            {
                ["AlertId"] = record.Id,
                ["Kind"] = record.Alert.Kind,
                ["SourceId"] = record.Alert.SourceId,
                ["At"] = record.Alert.At,
                ["RecordedAt"] = record.RecordedAt,
                ["Json"] = PipelineJson.Serialize(record.Alert),
            }, cancellationToken);
            return record;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var stored = await Table.GetEntityAsync<TableEntity>(Partition, RowKey(record.Alert, record.Id), cancellationToken: cancellationToken);
            return ToRecord(stored.Value);
        }
    }

    public async Task MarkMailedAsync(string id, IReadOnlyList<string> recipients, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = await FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Operator alert {id} is not recorded.");
        await Table.UpdateEntityAsync(new TableEntity(Partition, row.RowKey) { ["MailedAt"] = at, ["MailedTo"] = string.Join(", ", recipients) },
            ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<OperatorAlertRecord>> ReadRecentAsync(int max, CancellationToken cancellationToken)
    {
        var records = new List<OperatorAlertRecord>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(e));
            if (records.Count >= max) break;
        }
        return records;
    }

    private async Task<TableEntity?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition && x.GetString("AlertId") == id, maxPerPage: 1, cancellationToken: cancellationToken))
            return e;
        return null;
    }

    private static string RowKey(OperatorAlert alert, string id) =>
        (DateTimeOffset.MaxValue.UtcTicks - alert.At.ToUniversalTime().UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + id;

    private static OperatorAlertRecord ToRecord(TableEntity e) => new(
        e.GetString("AlertId"),
        PipelineJson.Deserialize<OperatorAlert>(e.GetString("Json"), "operator alert log"),
        e.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("MailedAt"),
        e.GetString("MailedTo"));
}
