using Azure.Storage.Queues.Models;
using Monitor.Core.Messages;
using Monitor.Infrastructure.Storage;

namespace Monitor.Infrastructure.Hosting;

/// <summary>Reads the <c>operator-alerts</c> queue without consuming it, so whoever else watches it still sees everything.</summary>
public sealed class OperatorAlertQueue(StorageClients clients)
{
    public async Task<IReadOnlyList<OperatorAlert>> PeekAsync(CancellationToken cancellationToken)
    {
        PeekedMessage[] messages = await clients.Queues.GetQueueClient(QueueNames.OperatorAlerts).PeekMessagesAsync(32, cancellationToken);
        return messages.Select(m => PipelineJson.Deserialize<OperatorAlert>(m.Body.ToString(), QueueNames.OperatorAlerts)).ToList();
    }
}
