using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;

namespace MinistryMonitor.Functions.Functions;

/// <summary>Queue trigger on <see cref="QueueNames.Fetch"/>: hands each message to the fetch stage through the shared dispatcher.</summary>
public sealed class FetchFunction(PipelineDispatcher dispatcher)
{
    [Function("Fetch")]
    public Task Run([QueueTrigger(QueueNames.Fetch)] string message, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueNames.Fetch, message, cancellationToken);
}
