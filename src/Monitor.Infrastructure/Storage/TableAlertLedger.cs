using Azure.Data.Tables;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// Raised alerts in Table Storage. The ledger row (partition <c>alert</c>, row = alert id) is inserted before the
/// alert is queued, keeps the full alert JSON for re-sending it identical, and says whether it reached the queue
/// (<c>Enqueued</c>; rows written before that column existed count as enqueued). Listing rows in the month
/// partition of <see cref="AlertMessage.RaisedAt"/> (<c>a|{reverse time}|{id}</c>, and
/// <c>t|{topic token}|{reverse time}|{id}</c> per topic) keep the JSON too, newest first.
/// </summary>
public sealed class TableAlertLedger(StorageClients clients, MonthDirectory months) : IAlertLedger
{
    private const string Partition = "alert";
    private const string Listing = "alerts";

    private TableClient Table => clients.Table(StorageClients.TableNames.Alerts);

    public async Task<bool> IsEnqueuedAsync(string alertId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, alertId, select: ["RowKey", "Enqueued"], cancellationToken: cancellationToken);
        return row.HasValue && (row.Value!.GetBoolean("Enqueued") ?? true);
    }

    public async Task<AlertMessage> RecordRaisedAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var recorded = alert;
        var json = PipelineJson.Serialize(alert);
        try
        {
            var row = Row(Partition, alert.AlertId, alert, json);
            row["Enqueued"] = false;
            await Table.AddEntityAsync(row, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await Table.GetEntityAsync<TableEntity>(Partition, alert.AlertId, select: ["Json"], cancellationToken: cancellationToken);
            json = existing.Value.GetString("Json");
            recorded = PipelineJson.Deserialize<AlertMessage>(json, "alerts ledger");
        }

        // Listing rows are upserts of the alert as first recorded, so a retry after a crash rewrites them identical.
        var month = TimeKeys.Month(recorded.RaisedAt);
        var rev = TimeKeys.Reverse(recorded.RaisedAt);
        await months.RecordAsync(Table, month, cancellationToken);
        await Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertReplace, Row(month, $"a|{rev}|{recorded.AlertId}", recorded, json)),
            new(TableTransactionActionType.UpsertReplace, Row(month, $"t|{TimeKeys.Token(recorded.TopicId)}|{rev}|{recorded.AlertId}", recorded, json)),
        ], cancellationToken);
        return recorded;
    }

    public async Task MarkEnqueuedAsync(string alertId, CancellationToken cancellationToken) =>
        await Table.UpdateEntityAsync(new TableEntity(Partition, alertId) { ["Enqueued"] = true }, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Writes the listing rows of every alert in the ledger (for alerts raised before they existed); returns the count.</summary>
    public async Task<int> RelistAsync(CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var json = e.GetString("Json");
            var alert = PipelineJson.Deserialize<AlertMessage>(json, "alerts ledger");
            var month = TimeKeys.Month(alert.RaisedAt);
            var rev = TimeKeys.Reverse(alert.RaisedAt);
            await months.RecordAsync(Table, month, cancellationToken, always: true);
            actions.Add(new(TableTransactionActionType.UpsertReplace, Row(month, $"a|{rev}|{alert.AlertId}", alert, json)));
            actions.Add(new(TableTransactionActionType.UpsertReplace, Row(month, $"t|{TimeKeys.Token(alert.TopicId)}|{rev}|{alert.AlertId}", alert, json)));
        }
        foreach (var chunk in actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(g => g.Chunk(100)))
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
        return actions.Count / 2;
    }

    public Task<IReadOnlyList<AlertMessage>> ReadRecentAsync(int max, CancellationToken cancellationToken) =>
        Pages.ReadFirstAsync(max, (size, token, ct) => ListAsync(new AlertQuery { PageSize = size, ContinuationToken = token }, ct), cancellationToken);

    public async Task<Page<AlertMessage>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var prefix = query.TopicId is { } topic ? $"t|{TimeKeys.Token(topic)}|" : "a|";
        var (low, high) = TimeKeys.Range(prefix, query.Since, query.Until);
        var filter = query.SourceId is { } source ? TableClient.CreateQueryFilter($"SourceId eq {source}") : null;
        var monthList = (await months.ListAsync(Table, cancellationToken)).Where(m => TimeKeys.Overlaps(m, query.Since, query.Until));
        var (rows, token) = await PartitionPager.ReadAsync(Table, Listing, monthList, new PartitionPager.Range(low, high, filter),
            Paging.Clamp(query.PageSize), query.ContinuationToken, cancellationToken);
        return new Page<AlertMessage>(rows.Select(e => PipelineJson.Deserialize<AlertMessage>(e.GetString("Json"), "alerts ledger")).ToList(), token);
    }

    private static TableEntity Row(string partition, string rowKey, AlertMessage alert, string json) => new(partition, rowKey)
    {
        ["TopicId"] = alert.TopicId,
        ["SourceId"] = alert.SourceId,
        ["RaisedAt"] = alert.RaisedAt,
        ["Json"] = json,
    };
}
