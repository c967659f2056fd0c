namespace MinistryMonitor.Core.Operators;

/// <summary>
/// What operators look at in the queues: the messages that failed too often in the stages' poison queues, with a way
/// to put those back once the cause is fixed. Every stage is idempotent, so a requeued message redoes only what is still missing.
/// </summary>
public interface IPoisonQueues
{
    Task<IReadOnlyList<PoisonedMessage>> PeekPoisonedAsync(CancellationToken cancellationToken);

    /// <summary>Moves every poisoned message back to the queue it came from; returns how many.</summary>
    Task<int> RequeuePoisonedAsync(CancellationToken cancellationToken);

    /// <summary>Moves one poisoned message back to <paramref name="queue"/>; false when it is no longer in the poison queue.</summary>
    Task<bool> RequeueAsync(string queue, string messageId, CancellationToken cancellationToken);
}

/// <summary>A message in a poison queue, with the queue it failed on.</summary>
public sealed record PoisonedMessage(string Queue, string MessageId, DateTimeOffset? InsertedOn, string Body);
