using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Hosting;

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
    IMessageQueue queues,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<LocalPipelineRunner> logger)
{
    private readonly PipelineOptions _options = options.Value;

    /// <summary>
    /// How long a received message stays invisible to others (<see cref="PipelineOptions.MessageLeaseSeconds"/>). It is
    /// renewed every third of that while the message is handled, so a slow page keeps its lease, and a run that is
    /// killed blocks its messages for at most this long. Tests shorten it.
    /// </summary>
    internal TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(options.Value.MessageLeaseSeconds);

    /// <summary>One cycle: schedule the due sources (all of them with <paramref name="allSources"/>), then work until every queue is empty.</summary>
    public async Task<CycleSummary> RunCycleAsync(bool allSources, CancellationToken cancellationToken, IProgress<CycleProgress>? progress = null)
    {
        var scheduled = await schedule.ScheduleDueAsync(allSources, cancellationToken);
        var summary = await DrainAsync(cancellationToken, progress, scheduled.Count);
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

    /// <summary>
    /// Works until every queue is empty. When cancelled (Ctrl+C), the messages in hand go back to their queues at
    /// once, so the next run need not wait for their leases to run out.
    /// </summary>
    public async Task<CycleSummary> DrainAsync(CancellationToken cancellationToken, IProgress<CycleProgress>? progress = null, int sourcesScheduled = 0)
    {
        var summary = new CycleSummary(0, 0, 0, 0);
        var handled = QueueNames.Pipeline.ToDictionary(q => q, _ => 0);
        // Messages this run delayed for a retry, and until when: the rest of what is invisible belongs to another run.
        var retrying = new Dictionary<string, DateTimeOffset>();
        string? waitingFor = null;
        void Report() => progress?.Report(new CycleProgress(sourcesScheduled, new Dictionary<string, int>(handled), summary.Failed, summary.Poisoned, waitingFor));
        Report();
        while (true)
        {
            var worked = false;
            foreach (var queue in DownstreamFirst)
            {
                var batch = await ProcessBatchAsync(queue, retrying, cancellationToken);
                summary = summary with
                {
                    Processed = summary.Processed + batch.Processed,
                    Failed = summary.Failed + batch.Failed,
                    Poisoned = summary.Poisoned + batch.Poisoned,
                };
                handled[queue] += batch.Processed;
                if (batch.Received > 0)
                {
                    worked = true;
                    waitingFor = null;
                    Report();
                    break;
                }
            }
            if (worked) continue;
            var invisible = await CountMessagesAsync(cancellationToken);
            if (invisible == 0) return summary;

            var now = time.GetUtcNow();
            foreach (var id in retrying.Where(r => r.Value < now.AddSeconds(-5)).Select(r => r.Key).ToList()) retrying.Remove(id);
            var foreign = invisible - retrying.Count;
            if (foreign > 0 && waitingFor is null)
            {
                waitingFor = $"{foreign} messages are leased by another run (one that was killed, or still running); " +
                    $"they come back when its lease ends, within {Lease.TotalSeconds:0} s. Waiting.";
                logger.LogWarning("{Count} messages are leased by another run (one that was killed, or still running); they come back when its lease ends, within {LeaseSeconds} s. Waiting",
                    foreign, Lease.TotalSeconds);
                Report();
            }
            // Otherwise only this run's failed messages are left, invisible until their retry delay passes.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>
    /// The queues from the last stage back to the first, taken in that order after every batch: the statements in hand
    /// are finished before more are discovered. So a cycle holds about one discover batch's worth of messages at a
    /// time rather than every statement of every source, which is what Azurite's cost per queue call grows with
    /// (it re-sorts its indexes of all queued messages on each one), and the first alerts leave sooner. Delayed
    /// (invisible) messages block nothing: an empty receive moves on to the stage before.
    /// </summary>
    private static readonly string[] DownstreamFirst = QueueNames.Pipeline.Reverse().ToArray();

    private async Task<BatchResult> ProcessBatchAsync(string queueName, Dictionary<string, DateTimeOffset> retrying, CancellationToken cancellationToken)
    {
        var queue = clients.Queues.GetQueueClient(queueName);
        QueueMessage[] received = await queue.ReceiveMessagesAsync(_options.BatchSize, Lease, cancellationToken);
        if (received.Length == 0) return new BatchResult(0, 0, 0, 0);
        foreach (var message in received) retrying.Remove(message.MessageId);
        var held = received.Select(m => new HeldMessage(queue, m)).ToList();
        int processed = 0, failed = 0, poisoned = 0;
        var retries = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();

        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewLeasesAsync(queueName, held, renewal.Token);
        try
        {
            // Messages in a batch are independent (every stage is idempotent), so they are handled side by side,
            // as the Functions host does with its batch size.
            await Parallel.ForEachAsync(held, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken }, async (message, ct) =>
            {
                if (message.Message.DequeueCount > _options.MaxDequeueCount)
                {
                    await PoisonAsync(queue, message, $"failed {message.Message.DequeueCount - 1} times", ct);
                    Interlocked.Increment(ref poisoned);
                    return;
                }
                try
                {
                    await dispatcher.DispatchAsync(queueName, message.Body, ct);
                    await message.DeleteAsync(ct);
                    Interlocked.Increment(ref processed);
                }
                catch (InvalidMessageException ex)
                {
                    logger.LogError(ex, "Message {MessageId} on {Queue} can never be processed", message.Message.MessageId, queueName);
                    await PoisonAsync(queue, message, ex.Message, ct);
                    Interlocked.Increment(ref poisoned);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    var delay = _options.RetryDelayAfter(message.Message.DequeueCount);
                    logger.LogError(ex, "Message {MessageId} on {Queue} failed (attempt {Attempt} of {Max}); retrying in {Delay}",
                        message.Message.MessageId, queueName, message.Message.DequeueCount, _options.MaxDequeueCount, delay);
                    await message.ReleaseAsync(delay, ct);
                    retries[message.Message.MessageId] = time.GetUtcNow() + delay;
                    Interlocked.Increment(ref failed);
                }
            });
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
            foreach (var (id, until) in retries) retrying[id] = until;
            if (cancellationToken.IsCancellationRequested) await HandBackAsync(queueName, held);
        }
        return new BatchResult(received.Length, processed, failed, poisoned);
    }

    private async Task RenewLeasesAsync(string queueName, IReadOnlyList<HeldMessage> held, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, cancellationToken);
                foreach (var message in held.Where(m => !m.Settled))
                {
                    try
                    {
                        await message.RenewAsync(Lease, cancellationToken);
                    }
                    catch (RequestFailedException ex)
                    {
                        // Another consumer took it after a lapse; its handling here still completes idempotently.
                        logger.LogWarning(ex, "Could not renew the lease of message {MessageId} on {Queue}", message.Message.MessageId, queueName);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The batch is done.
        }
    }

    /// <summary>Makes the unfinished messages of an interrupted batch visible again at once.</summary>
    private async Task HandBackAsync(string queueName, IReadOnlyList<HeldMessage> held)
    {
        var unfinished = held.Where(m => !m.Settled).ToList();
        if (unfinished.Count == 0) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var message in unfinished)
        {
            try
            {
                await message.ReleaseAsync(TimeSpan.Zero, timeout.Token);
            }
            catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not hand message {MessageId} back to {Queue}; it returns when its lease ends", message.Message.MessageId, queueName);
            }
        }
        logger.LogInformation("Stopped: handed {Count} messages back to {Queue}", unfinished.Count, queueName);
    }

    private async Task PoisonAsync(QueueClient queue, HeldMessage message, string reason, CancellationToken cancellationToken)
    {
        var poison = clients.Queues.GetQueueClient(QueueNames.PoisonOf(queue.Name));
        await poison.SendMessageAsync(message.Body, cancellationToken);
        await message.DeleteAsync(cancellationToken);
        // Through the same port as every stage's operator alert, so its encoding and any test double apply here too.
        await queues.SendAsync(QueueNames.OperatorAlerts, new OperatorAlert(
            OperatorAlert.Poisoned, null, $"Message {message.Message.MessageId} moved from {queue.Name} to {poison.Name}: {reason}", null, time.GetUtcNow()), cancellationToken);
        logger.LogError("Moved message {MessageId} from {Queue} to {PoisonQueue}: {Reason}", message.Message.MessageId, queue.Name, poison.Name, reason);
    }

    private async Task<int> CountMessagesAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var queue in QueueNames.Pipeline)
        {
            QueueProperties properties = await clients.Queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken);
            count += properties.ApproximateMessagesCount;
        }
        return count;
    }

    private sealed record BatchResult(int Received, int Processed, int Failed, int Poisoned);
}

/// <summary>What one local cycle did.</summary>
public sealed record CycleSummary(int Processed, int Failed, int Poisoned, int SourcesScheduled);
