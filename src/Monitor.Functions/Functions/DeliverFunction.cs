using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;

namespace MinistryMonitor.Functions.Functions;

/// <summary>Queue trigger on <see cref="QueueNames.Alerts"/>: hands each message to the deliver stage through the shared dispatcher.</summary>
public sealed class DeliverFunction(PipelineDispatcher dispatcher)
{
    [Function("Deliver")]
    public Task Run([QueueTrigger(QueueNames.Alerts)] string message, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueNames.Alerts, message, cancellationToken);
}
