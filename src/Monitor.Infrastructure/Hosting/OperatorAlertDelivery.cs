using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Hosting;

/// <summary>
/// Empties the <c>operator-alerts</c> queue through <see cref="OperatorNotifier"/>: called by the NotifyOperators timer
/// on Azure and by the local runner after each cycle. A message is deleted only once its alert is recorded and mailed;
/// one that cannot be mailed (an SMTP outage) stays, and the next run retries it.
/// </summary>
public sealed class OperatorAlertDelivery(StorageClients clients, OperatorNotifier notifier, ILogger<OperatorAlertDelivery> logger)
{
    private const int BatchSize = 32;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Returns how many alerts were handled; failed ones are left on the queue.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var queue = clients.Queues.GetQueueClient(QueueNames.OperatorAlerts);
        var handled = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            QueueMessage[] messages = await queue.ReceiveMessagesAsync(BatchSize, Lease, cancellationToken);
            if (messages.Length == 0) return handled;
            var done = false;
            foreach (var message in messages)
            {
                // A message that failed in this run comes back at once (see below); it waits for the next run.
                if (!seen.Add(message.MessageId))
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                    done = true;
                    continue;
                }
                try
                {
                    var alert = PipelineJson.Deserialize<OperatorAlert>(message.Body.ToString(), QueueNames.OperatorAlerts);
                    await notifier.HandleAsync(alert, cancellationToken);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    handled++;
                }
                catch (InvalidMessageException ex)
                {
                    logger.LogError(ex, "Operator alert message {MessageId} cannot be read; dropping it: {Body}", message.MessageId, message.Body.ToString());
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Operator alert message {MessageId} could not be delivered; it will be retried", message.MessageId);
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                }
            }
            if (done) return handled;
        }
    }
}
