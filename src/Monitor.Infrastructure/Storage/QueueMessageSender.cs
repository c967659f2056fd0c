using System.Text;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tracing;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>Sends JSON messages to Azure Storage queues (base64, as the Functions queue trigger expects).</summary>
public sealed class QueueMessageSender(StorageClients clients) : IMessageQueue
{
    /// <summary>Azure's limit is 64 KB after base64; this leaves room for the encoding.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    /// <summary>Azure keeps a message invisible for at most 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
        SendAsync(queueName, message, TimeSpan.Zero, cancellationToken);

    public async Task SendAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        var json = PipelineTracing.WithTraceParent(PipelineJson.Serialize(message));
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > MaxMessageBytes)
            throw new InvalidOperationException($"A {typeof(T).Name} of {size} bytes is too large for queue '{queueName}'; messages must carry references, not texts.");
        var delay = visibilityDelay <= TimeSpan.Zero ? (TimeSpan?)null : visibilityDelay > MaxVisibilityDelay ? MaxVisibilityDelay : visibilityDelay;
        await clients.Queues.GetQueueClient(queueName).SendMessageAsync(json, delay, cancellationToken: cancellationToken);
    }
}
