using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>Creates the containers, queues and tables the pipeline uses, if they do not exist yet.</summary>
public sealed class StorageInitializer(StorageClients clients, ILogger<StorageInitializer> logger)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await clients.Blobs.GetBlobContainerClient(clients.Options.ArchiveContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await clients.Blobs.GetBlobContainerClient(clients.Options.FeedContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var queue in QueueNames.Pipeline.Append(QueueNames.OperatorAlerts))
        {
            await clients.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await clients.Queues.GetQueueClient(QueueNames.PoisonOf(queue)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        foreach (var table in StorageClients.TableNames.All)
            await clients.Table(table).CreateIfNotExistsAsync(cancellationToken);
        logger.LogInformation("Storage ready at {BlobEndpoint}", clients.Blobs.Uri);
    }
}
