using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Hosting;

/// <summary>
/// On Azure the Functions host moves a message that failed too often to its poison queue and tells nobody.
/// This looks at the poison queues and posts an operator alert whenever one holds more messages than when it
/// was last reported, so an alert stuck behind an SMTP outage is not left there unseen.
/// </summary>
public sealed class PoisonWatch(StorageClients clients, IMessageQueue queue, TimeProvider time, ILogger<PoisonWatch> logger)
{
    private const string Partition = "poison";

    private TableClient State => clients.Table(StorageClients.TableNames.SourceState);

    /// <summary>Returns the operator alerts posted.</summary>
    public async Task<IReadOnlyList<OperatorAlert>> CheckAsync(CancellationToken cancellationToken)
    {
        var posted = new List<OperatorAlert>();
        foreach (var stage in QueueNames.Pipeline)
        {
            var poison = QueueNames.PoisonOf(stage);
            QueueProperties properties = await clients.Queues.GetQueueClient(poison).GetPropertiesAsync(cancellationToken);
            var count = properties.ApproximateMessagesCount;
            var stored = await State.GetEntityIfExistsAsync<TableEntity>(Partition, poison, cancellationToken: cancellationToken);
            var reported = stored.HasValue ? stored.Value!.GetInt32("Count") ?? 0 : 0;
            if (count > reported)
            {
                var alert = new OperatorAlert(OperatorAlert.Poisoned, null,
                    $"{count} message(s) wait in {poison} after failing repeatedly; `monitor poison` lists them and `monitor requeue` retries them once the cause is fixed.",
                    null, time.GetUtcNow());
                await queue.SendAsync(QueueNames.OperatorAlerts, alert, cancellationToken);
                logger.LogError("{Count} messages wait in poison queue {PoisonQueue}", count, poison);
                posted.Add(alert);
            }
            if (count != reported)
                await State.UpsertEntityAsync(new TableEntity(Partition, poison) { ["Count"] = count }, TableUpdateMode.Replace, cancellationToken);
        }
        return posted;
    }
}
