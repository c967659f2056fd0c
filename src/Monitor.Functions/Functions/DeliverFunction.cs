using Microsoft.Azure.Functions.Worker;
using Monitor.Core.Messages;
using Monitor.Core.Stages;

namespace Monitor.Functions.Functions;

/// <summary>Queue trigger on <see cref="QueueNames.Alerts"/>: hands each message to the deliver stage through the shared dispatcher.</summary>
public sealed class DeliverFunction(PipelineDispatcher dispatcher)
{
    [Function("Deliver")]
    public Task Run([QueueTrigger(QueueNames.Alerts)] string message, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueNames.Alerts, message, cancellationToken);
}
