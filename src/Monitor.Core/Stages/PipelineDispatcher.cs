using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Tracing;

namespace MinistryMonitor.Core.Stages;

/// <summary>
/// Routes a queue message to the stage that consumes that queue. The Azure Functions and the local runner both
/// go through here, so the same code handles a message wherever it runs.
/// </summary>
public sealed class PipelineDispatcher(DiscoverStage discover, FetchStage fetch, DetectStage detect, DeliverStage deliver)
{
    public async Task DispatchAsync(string queueName, string message, CancellationToken cancellationToken)
    {
        using var activity = PipelineTracing.StartStage(queueName, message);
        try
        {
            await (queueName switch
            {
                // (Task): the stages return different results; the dispatcher only waits for them.
                QueueNames.Discover => (Task)discover.HandleAsync(PipelineJson.Deserialize<DiscoverRequest>(message, queueName), cancellationToken),
                QueueNames.Fetch => (Task)fetch.HandleAsync(PipelineJson.Deserialize<FetchRequest>(message, queueName), cancellationToken),
                QueueNames.Detect => (Task)detect.HandleAsync(PipelineJson.Deserialize<DetectRequest>(message, queueName), cancellationToken),
                QueueNames.Alerts => (Task)deliver.HandleAsync(PipelineJson.Deserialize<AlertMessage>(message, queueName), cancellationToken),
                _ => throw new ArgumentException($"No stage consumes queue '{queueName}'.", nameof(queueName)),
            });
        }
        catch (Exception ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }
}
