namespace Monitor.Core.Storage;

/// <summary>Sends a message to one of the pipeline's queues (Azure Storage queues in production).</summary>
public interface IMessageQueue
{
    Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken);
}
