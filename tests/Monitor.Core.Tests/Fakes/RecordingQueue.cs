using System.Collections.Concurrent;
using Monitor.Core.Messages;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Fakes;

internal sealed class RecordingQueue : IMessageQueue
{
    public ConcurrentQueue<(string Queue, string Json)> Sent { get; } = new();

    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        Sent.Enqueue((queueName, PipelineJson.Serialize(message)));
        return Task.CompletedTask;
    }

    public IEnumerable<T> On<T>(string queue) => Sent.Where(s => s.Queue == queue).Select(s => PipelineJson.Deserialize<T>(s.Json, queue));
}
