namespace MinistryMonitor.Core.Storage;

/// <summary>Sends a message to one of the pipeline's queues (Azure Storage queues in production).</summary>
public interface IMessageQueue
{
    Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a message that stays invisible for <paramref name="visibilityDelay"/>: how the discover stage spaces the
    /// fetches of one host, whichever of many instances picks them up.
    /// </summary>
    Task SendAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken);
}
