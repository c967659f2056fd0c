using Azure.Storage.Queues.Models;
using Monitor.Core.Messages;
using Monitor.Infrastructure.Storage;

namespace Monitor.Infrastructure.Hosting;

/// <summary>
/// What failed too often to process: the messages in the stages' poison queues, and putting them back once
/// the cause is fixed (an SMTP server back up, a site repaired). Every stage is idempotent, so a requeued
/// message redoes only what is still missing.
/// </summary>
public sealed class PoisonQueues(StorageClients clients)
{
    public async Task<IReadOnlyList<PoisonedMessage>> PeekAsync(CancellationToken cancellationToken)
    {
        var poisoned = new List<PoisonedMessage>();
        foreach (var queue in QueueNames.Pipeline)
        {
            PeekedMessage[] messages = await clients.Queues.GetQueueClient(QueueNames.PoisonOf(queue)).PeekMessagesAsync(32, cancellationToken);
            poisoned.AddRange(messages.Select(m => new PoisonedMessage(queue, m.MessageId, m.InsertedOn, m.Body.ToString())));
        }
        return poisoned;
    }

    /// <summary>Moves every poisoned message back to the queue it came from; returns how many.</summary>
    public async Task<int> RequeueAllAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var queue in QueueNames.Pipeline)
        {
            var poison = clients.Queues.GetQueueClient(QueueNames.PoisonOf(queue));
            var target = clients.Queues.GetQueueClient(queue);
            while (true)
            {
                QueueMessage[] batch = await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken);
                if (batch.Length == 0) break;
                foreach (var message in batch)
                {
                    await target.SendMessageAsync(message.Body.ToString(), cancellationToken);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    moved++;
                }
            }
        }
        return moved;
    }
}

/// <summary>A message in a poison queue, with the queue it failed on.</summary>
public sealed record PoisonedMessage(string Queue, string MessageId, DateTimeOffset? InsertedOn, string Body);
