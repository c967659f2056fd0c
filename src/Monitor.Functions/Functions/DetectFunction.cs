using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;

namespace MinistryMonitor.Functions.Functions;

/// <summary>Queue trigger on <see cref="QueueNames.Detect"/>: hands each message to the detect stage through the shared dispatcher.</summary>
public sealed class DetectFunction(PipelineDispatcher dispatcher)
{
    [Function("Detect")]
    public Task Run([QueueTrigger(QueueNames.Detect)] string message, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueNames.Detect, message, cancellationToken);
}
