using System.Collections.Concurrent;
using Monitor.Core.Delivery;
using Monitor.Core.Messages;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Fakes;

internal sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    public ConcurrentDictionary<(string, string), DeliveryRecord> Sent { get; } = new();

    public Task<bool> WasSentAsync(string alertId, string recipient, CancellationToken cancellationToken) => Task.FromResult(Sent.ContainsKey((alertId, recipient)));

    public Task RecordSentAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        Sent[(delivery.AlertId, delivery.Recipient)] = delivery;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryRecord>> ReadRecentAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryRecord>>(Sent.Values.ToList());
}

internal sealed class InMemoryAlertLedger : IAlertLedger
{
    public ConcurrentDictionary<string, AlertMessage> Alerts { get; } = new();

    public Task<bool> IsEnqueuedAsync(string alertId, CancellationToken cancellationToken) => Task.FromResult(Alerts.ContainsKey(alertId));

    public Task RecordEnqueuedAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        Alerts[alert.AlertId] = alert;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertMessage>> ReadRecentAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AlertMessage>>(Alerts.Values.ToList());
}

internal sealed class InMemorySourceState : ISourceStateStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new();

    public Task<DateTimeOffset?> GetLastScheduledAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult(_last.TryGetValue(sourceId, out var at) ? at : (DateTimeOffset?)null);

    public Task SetLastScheduledAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _last[sourceId] = at;
        return Task.CompletedTask;
    }

    private readonly ConcurrentDictionary<string, int> _failures = new();

    public Task<(int Before, int After)> RecordDiscoveryAsync(string sourceId, bool healthy, CancellationToken cancellationToken)
    {
        var before = _failures.GetValueOrDefault(sourceId);
        var after = healthy ? 0 : before + 1;
        _failures[sourceId] = after;
        return Task.FromResult((before, after));
    }
}

/// <summary>Accepts mail, except for the recipients told to fail.</summary>
internal sealed class RecordingMailSender : IMailSender
{
    public ConcurrentQueue<AlertEmail> Sent { get; } = new();

    public HashSet<string> Failing { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipients refused for good (550), as a mail server does for an address that does not exist.</summary>
    public HashSet<string> Rejected { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, every send waits for it, so that concurrent senders overlap.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Sends waiting at the gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    private int _waiting;

    public async Task SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
        {
            Interlocked.Increment(ref _waiting);
            await gate.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _waiting);
        }
        if (Failing.Contains(email.To)) throw new MailRejectedException(email.To, 451, "mailbox temporarily unavailable");
        if (Rejected.Contains(email.To)) throw new MailRejectedException(email.To, 550, "no such user");
        Sent.Enqueue(email);
    }
}
