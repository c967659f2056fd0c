using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Messages;
using Monitor.Core.Stages;
using Monitor.Core.Subscriptions;
using Monitor.Infrastructure.Options;
using Monitor.Infrastructure.Storage;

namespace Monitor.Infrastructure.Hosting;

/// <summary>
/// The local host of the pipeline: what the Functions host does on Azure, done in one process. It pulls messages
/// from the same queues, hands them to the same <see cref="PipelineDispatcher"/>, retries failures with backoff,
/// and moves a message that failed <see cref="PipelineOptions.MaxDequeueCount"/> times to its poison queue.
/// </summary>
public sealed class LocalPipelineRunner(
    StorageClients clients,
    PipelineDispatcher dispatcher,
    ScheduleStage schedule,
    OperatorAlertDelivery operators,
    DigestStage digests,
    IOptions<PipelineOptions> options,
    ILogger<LocalPipelineRunner> logger)
{
    private readonly PipelineOptions _options = options.Value;

    private TimeSpan Lease => TimeSpan.FromSeconds(_options.MessageLeaseSeconds);

    /// <summary>One cycle: schedule the due sources (all of them with <paramref name="allSources"/>), then work until every queue is empty.</summary>
    public async Task<CycleSummary> RunCycleAsync(bool allSources, CancellationToken cancellationToken)
    {
        var scheduled = await schedule.ScheduleDueAsync(allSources, cancellationToken);
        var summary = await DrainAsync(cancellationToken);
        // What the NotifyOperators timer does on Azure: record and mail what the operators must hear of.
        await operators.DeliverAsync(cancellationToken);
        await SendDigestsAsync(cancellationToken);
        return summary with { SourcesScheduled = scheduled.Count };
    }

    /// <summary>The daily and weekly digests that are due (on Azure, the Digest timer function does this hourly).</summary>
    public async Task<int> SendDigestsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await digests.RunAsync(cancellationToken);
        }
        catch (AggregateException ex)
        {
            // The failed digests stay due; the next cycle tries them again.
            logger.LogError(ex, "Some digests could not be sent");
            return 0;
        }
    }

    public async Task<CycleSummary> DrainAsync(CancellationToken cancellationToken)
    {
        var summary = new CycleSummary(0, 0, 0, 0);
        while (true)
        {
            var worked = false;
            foreach (var queue in QueueNames.Pipeline)
            {
                var batch = await ProcessBatchAsync(queue, cancellationToken);
                summary = summary with
                {
                    Processed = summary.Processed + batch.Processed,
                    Failed = summary.Failed + batch.Failed,
                    Poisoned = summary.Poisoned + batch.Poisoned,
                };
                worked |= batch.Received > 0;
            }
            if (worked) continue;
            if (await AllEmptyAsync(cancellationToken)) return summary;
            // Only failed messages are left, invisible until their retry delay passes.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private async Task<BatchResult> ProcessBatchAsync(string queueName, CancellationToken cancellationToken)
    {
        var queue = clients.Queues.GetQueueClient(queueName);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(_options.BatchSize, Lease, cancellationToken);
        int processed = 0, failed = 0, poisoned = 0;
        // Messages in a batch are independent (every stage is idempotent), so they are handled side by side,
        // as the Functions host does with its batch size.
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken }, async (message, ct) =>
        {
            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                await PoisonAsync(queue, message, $"failed {message.DequeueCount - 1} times", ct);
                Interlocked.Increment(ref poisoned);
                return;
            }
            try
            {
                await dispatcher.DispatchAsync(queueName, message.Body.ToString(), ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                Interlocked.Increment(ref processed);
            }
            catch (InvalidMessageException ex)
            {
                logger.LogError(ex, "Message {MessageId} on {Queue} can never be processed", message.MessageId, queueName);
                await PoisonAsync(queue, message, ex.Message, ct);
                Interlocked.Increment(ref poisoned);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(_options.RetryDelaySeconds * Math.Pow(2, message.DequeueCount - 1));
                logger.LogError(ex, "Message {MessageId} on {Queue} failed (attempt {Attempt} of {Max}); retrying in {Delay}",
                    message.MessageId, queueName, message.DequeueCount, _options.MaxDequeueCount, delay);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: ct);
                Interlocked.Increment(ref failed);
            }
        });
        return new BatchResult(messages.Length, processed, failed, poisoned);
    }

    private async Task PoisonAsync(QueueClient queue, QueueMessage message, string reason, CancellationToken cancellationToken)
    {
        var poison = clients.Queues.GetQueueClient(QueueNames.PoisonOf(queue.Name));
        await poison.SendMessageAsync(message.Body.ToString(), cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        await clients.Queues.GetQueueClient(QueueNames.OperatorAlerts).SendMessageAsync(PipelineJson.Serialize(new OperatorAlert(
            OperatorAlert.Poisoned, null, $"Message {message.MessageId} moved from {queue.Name} to {poison.Name}: {reason}", null, DateTimeOffset.UtcNow)), cancellationToken);
        logger.LogError("Moved message {MessageId} from {Queue} to {PoisonQueue}: {Reason}", message.MessageId, queue.Name, poison.Name, reason);
    }

    private async Task<bool> AllEmptyAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in QueueNames.Pipeline)
        {
            QueueProperties properties = await clients.Queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken);
            if (properties.ApproximateMessagesCount > 0) return false;
        }
        return true;
    }

    private sealed record BatchResult(int Received, int Processed, int Failed, int Poisoned);
}

/// <summary>What one local cycle did.</summary>
public sealed record CycleSummary(int Processed, int Failed, int Poisoned, int SourcesScheduled);
