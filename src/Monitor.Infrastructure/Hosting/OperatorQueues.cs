using Azure.Storage.Queues.Models;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Hosting;

/// <summary>The poison queues in Azure Storage queues (<see cref="IPoisonQueues"/>).</summary>
public sealed class OperatorQueues(StorageClients clients) : IPoisonQueues
{
    public async Task<IReadOnlyList<PoisonedMessage>> PeekPoisonedAsync(CancellationToken cancellationToken)
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
    public async Task<int> RequeuePoisonedAsync(CancellationToken cancellationToken)
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

    /// <summary>
    /// Moves one poisoned message back to <paramref name="queue"/>; false when it is no longer in the poison queue
    /// (requeued already, or by someone else). Queues cannot fetch a message by id, so the others received on the way
    /// are held invisible until the search ends and then released at once, so none is moved or lost.
    /// </summary>
    public async Task<bool> RequeueAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        var poison = clients.Queues.GetQueueClient(QueueNames.PoisonOf(queue));
        var target = clients.Queues.GetQueueClient(queue);
        var held = new List<QueueMessage>();
        try
        {
            while (true)
            {
                QueueMessage[] batch = await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken);
                if (batch.Length == 0) return false;
                foreach (var message in batch)
                {
                    if (message.MessageId != messageId)
                    {
                        held.Add(message);
                        continue;
                    }
                    await target.SendMessageAsync(message.Body.ToString(), cancellationToken);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    return true;
                }
            }
        }
        finally
        {
            foreach (var message in held)
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
    }
}
