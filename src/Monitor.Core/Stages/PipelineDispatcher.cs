using Monitor.Core.Messages;

namespace Monitor.Core.Stages;

/// <summary>
/// Routes a queue message to the stage that consumes that queue. The Azure Functions and the local runner both
/// go through here, so the same code handles a message wherever it runs.
/// </summary>
public sealed class PipelineDispatcher(DiscoverStage discover, FetchStage fetch, DetectStage detect, DeliverStage deliver)
{
    public Task DispatchAsync(string queueName, string message, CancellationToken cancellationToken) => queueName switch
    {
        QueueNames.Discover => discover.HandleAsync(PipelineJson.Deserialize<DiscoverRequest>(message, queueName), cancellationToken),
        QueueNames.Fetch => fetch.HandleAsync(PipelineJson.Deserialize<FetchRequest>(message, queueName), cancellationToken),
        QueueNames.Detect => detect.HandleAsync(PipelineJson.Deserialize<DetectRequest>(message, queueName), cancellationToken),
        QueueNames.Alerts => deliver.HandleAsync(PipelineJson.Deserialize<AlertMessage>(message, queueName), cancellationToken),
        _ => throw new ArgumentException($"No stage consumes queue '{queueName}'.", nameof(queueName)),
    };
}
