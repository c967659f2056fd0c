using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Health;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.IntegrationTests.Crashes;

// Decorators over every port through which the pipeline changes the world. Each write is a crash point; reads
// pass through while the host lives.

internal sealed class CrashingBlobStore(IBlobStore inner, CrashSwitch crash) : IBlobStore
{
    public Task<bool> TryCreateAsync(BlobArea area, string path, BinaryData content, string contentType, BlobLabels? labels, CancellationToken cancellationToken)
    {
        crash.Before($"blob {path[(path.LastIndexOf('.') is var dot and > 0 ? dot : 0)..]}");
        return inner.TryCreateAsync(area, path, content, contentType, labels, cancellationToken);
    }

    public Task<BinaryData?> ReadAsync(BlobArea area, string path, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.ReadAsync(area, path, cancellationToken);
    }

    public Task<bool> SetTagsAsync(BlobArea area, string path, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        crash.Before("blob tags");
        return inner.SetTagsAsync(area, path, tags, cancellationToken);
    }
}

internal sealed class CrashingMessageQueue(IMessageQueue inner, CrashSwitch crash) : IMessageQueue
{
    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        crash.Before($"queue {queueName}");
        return inner.SendAsync(queueName, message, cancellationToken);
    }

    public Task SendAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        crash.Before($"queue {queueName}");
        return inner.SendAsync(queueName, message, visibilityDelay, cancellationToken);
    }
}

internal sealed class CrashingStatementIndex(IStatementIndex inner, CrashSwitch crash) : IStatementIndex
{
    public Task<StatementRecord?> GetAsync(string sourceId, string statementId, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.GetAsync(sourceId, statementId, cancellationToken);
    }

    public Task<bool> TrySaveAsync(StatementRecord record, CancellationToken cancellationToken)
    {
        crash.Before("statement index");
        return inner.TrySaveAsync(record, cancellationToken);
    }

    public IAsyncEnumerable<StatementRecord> ListAsync(string? sourceId, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.ListAsync(sourceId, cancellationToken);
    }
}

internal sealed class CrashingIngestionLog(IIngestionLog inner, CrashSwitch crash) : IIngestionLog
{
    public Task RecordAsync(IngestionEntry entry, CancellationToken cancellationToken)
    {
        crash.Before("ingestion log");
        return inner.RecordAsync(entry, cancellationToken);
    }

    public Task<IReadOnlyList<IngestionEntry>> ReadRecentAsync(int max, CancellationToken cancellationToken) => inner.ReadRecentAsync(max, cancellationToken);
}

internal sealed class CrashingSourceState(ISourceStateStore inner, CrashSwitch crash) : ISourceStateStore
{
    public Task<DateTimeOffset?> GetLastScheduledAsync(string sourceId, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.GetLastScheduledAsync(sourceId, cancellationToken);
    }

    public Task SetLastScheduledAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        crash.Before("source scheduled");
        return inner.SetLastScheduledAsync(sourceId, at, cancellationToken);
    }

    public Task DeferAsync(string sourceId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        crash.Before("source deferred");
        return inner.DeferAsync(sourceId, until, cancellationToken);
    }

    public Task<DateTimeOffset?> GetDeferredUntilAsync(string sourceId, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.GetDeferredUntilAsync(sourceId, cancellationToken);
    }

    public Task<DateTimeOffset?> GetLastSweptAsync(string sourceId, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.GetLastSweptAsync(sourceId, cancellationToken);
    }

    public Task SetLastSweptAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.SetLastSweptAsync(sourceId, at, cancellationToken);
    }

    public Task<DiscoveryTally> RecordDiscoveryAsync(string sourceId, DateTimeOffset at, string? failure, bool foundNew, CancellationToken cancellationToken, string? skipped = null)
    {
        crash.Before("source health");
        return inner.RecordDiscoveryAsync(sourceId, at, failure, foundNew, cancellationToken, skipped);
    }

    public Task SetIncidentAlertedAsync(string sourceId, bool alerted, CancellationToken cancellationToken)
    {
        crash.Before("source incident");
        return inner.SetIncidentAlertedAsync(sourceId, alerted, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, SourceHealthState>> ReadHealthAsync(CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.ReadHealthAsync(cancellationToken);
    }
}

internal sealed class CrashingAlertLedger(IAlertLedger inner, CrashSwitch crash) : IAlertLedger
{
    public Task<bool> IsEnqueuedAsync(string alertId, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.IsEnqueuedAsync(alertId, cancellationToken);
    }

    public Task<AlertMessage> RecordRaisedAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        crash.Before("alert recorded");
        return inner.RecordRaisedAsync(alert, cancellationToken);
    }

    public Task MarkEnqueuedAsync(string alertId, CancellationToken cancellationToken)
    {
        crash.Before("alert marked enqueued");
        return inner.MarkEnqueuedAsync(alertId, cancellationToken);
    }

    public Task<IReadOnlyList<AlertMessage>> ReadRecentAsync(int max, CancellationToken cancellationToken) => inner.ReadRecentAsync(max, cancellationToken);
}

internal sealed class CrashingDeliveryLedger(IDeliveryLedger inner, CrashSwitch crash) : IDeliveryLedger
{
    public Task<bool> WasSentAsync(string alertId, string recipient, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.WasSentAsync(alertId, recipient, cancellationToken);
    }

    public Task RecordSentAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        crash.Before("delivery ledger");
        return inner.RecordSentAsync(delivery, cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryRecord>> ReadRecentAsync(int max, CancellationToken cancellationToken) => inner.ReadRecentAsync(max, cancellationToken);
}

internal sealed class CrashingOnceLedger(IOnceLedger inner, CrashSwitch crash) : IOnceLedger
{
    public Task<OnceClaim> ClaimAsync(OnceKey key, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        crash.Before($"claim {key.Scope}");
        return inner.ClaimAsync(key, owner, leaseUntil, cancellationToken);
    }

    public Task CompleteAsync(OnceClaim claim, CancellationToken cancellationToken)
    {
        crash.Before($"complete {claim.Key.Scope}");
        return inner.CompleteAsync(claim, cancellationToken);
    }

    public Task ReleaseAsync(OnceClaim claim, CancellationToken cancellationToken)
    {
        crash.Before($"release {claim.Key.Scope}");
        return inner.ReleaseAsync(claim, cancellationToken);
    }

    public Task<OnceRecord?> GetAsync(OnceKey key, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        return inner.GetAsync(key, cancellationToken);
    }
}

/// <summary>
/// Two crash points per e-mail: before it is sent (nothing reaches the server), and after the server accepted it
/// but before the sender hears so (the window in which a duplicate cannot be avoided).
/// </summary>
internal sealed class CrashingMailSender(IMailSender inner, CrashSwitch crash) : IMailSender
{
    public async Task SendAsync(AlertEmail email, CancellationToken cancellationToken) =>
        await SendAsync(email, () => Task.CompletedTask, cancellationToken);

    public async Task SendAsync(AlertEmail email, Func<Task> accepted, CancellationToken cancellationToken)
    {
        crash.Before("mail send");
        await inner.SendAsync(email, async () =>
        {
            crash.Before(CrashSwitch.MailAcceptedNotRecorded);
            await accepted();
        }, cancellationToken);
    }
}
