using System.Collections.Concurrent;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Tests.Fakes;

internal sealed class RecordingQueue : IMessageQueue
{
    public ConcurrentQueue<(string Queue, string Json)> Sent { get; } = new();

    /// <summary>The visibility delay of each message, in the order sent.</summary>
    public ConcurrentQueue<(string Queue, TimeSpan Delay)> Delays { get; } = new();

    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
        SendAsync(queueName, message, TimeSpan.Zero, cancellationToken);

    public Task SendAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        Sent.Enqueue((queueName, PipelineJson.Serialize(message)));
        Delays.Enqueue((queueName, visibilityDelay));
        return Task.CompletedTask;
    }

    public IEnumerable<T> On<T>(string queue) => Sent.Where(s => s.Queue == queue).Select(s => PipelineJson.Deserialize<T>(s.Json, queue));
}
