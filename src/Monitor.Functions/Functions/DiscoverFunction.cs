using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;

namespace MinistryMonitor.Functions.Functions;

/// <summary>Queue trigger on <see cref="QueueNames.Discover"/>: hands each message to the discover stage through the shared dispatcher.</summary>
public sealed class DiscoverFunction(PipelineDispatcher dispatcher)
{
    [Function("Discover")]
    public Task Run([QueueTrigger(QueueNames.Discover)] string message, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueNames.Discover, message, cancellationToken);
}
