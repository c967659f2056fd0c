using System.Collections.Concurrent;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Health;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Tests.Fakes;

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

    public ConcurrentDictionary<string, bool> Enqueued { get; } = new();

    public Task<bool> IsEnqueuedAsync(string alertId, CancellationToken cancellationToken) => Task.FromResult(Enqueued.ContainsKey(alertId));

    public Task<AlertMessage> RecordRaisedAsync(AlertMessage alert, CancellationToken cancellationToken) =>
        Task.FromResult(Alerts.GetOrAdd(alert.AlertId, alert));

    public Task MarkEnqueuedAsync(string alertId, CancellationToken cancellationToken)
    {
        Enqueued[alertId] = true;
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

    private readonly ConcurrentDictionary<string, DateTimeOffset> _deferred = new();

    public Task DeferAsync(string sourceId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        _deferred[sourceId] = until;
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetDeferredUntilAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult(_deferred.TryGetValue(sourceId, out var until) ? until : (DateTimeOffset?)null);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _swept = new();

    public Task<DateTimeOffset?> GetLastSweptAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult(_swept.TryGetValue(sourceId, out var at) ? at : (DateTimeOffset?)null);

    public Task SetLastSweptAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _swept[sourceId] = at;
        return Task.CompletedTask;
    }

    private readonly ConcurrentDictionary<string, SourceHealthState> _health = new();

    private readonly ConcurrentDictionary<string, bool> _alerted = new();

    public Task SetIncidentAlertedAsync(string sourceId, bool alerted, CancellationToken cancellationToken)
    {
        _alerted[sourceId] = alerted;
        return Task.CompletedTask;
    }

    public Task<DiscoveryTally> RecordDiscoveryAsync(string sourceId, DateTimeOffset at, string? failure, bool foundNew, CancellationToken cancellationToken, string? skipped = null)
    {
        var current = _health.GetValueOrDefault(sourceId) ?? new SourceHealthState(sourceId, null, null, null, 0, null);
        var before = current.ConsecutiveFailures;
        var after = failure is null ? 0 : before + 1;
        _health[sourceId] = current with
        {
            ConsecutiveFailures = after,
            LastSuccess = failure is null ? at : current.LastSuccess,
            LastFailure = failure is null ? current.LastFailure : at,
            LastFailureReason = failure ?? current.LastFailureReason,
            LastNewItem = foundNew ? at : current.LastNewItem,
            LastSkipped = failure is null ? skipped : current.LastSkipped,
        };
        return Task.FromResult(new DiscoveryTally(before, after, _alerted.GetValueOrDefault(sourceId)));
    }

    public Task<IReadOnlyDictionary<string, SourceHealthState>> ReadHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SourceHealthState>>(new Dictionary<string, SourceHealthState>(_health));
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

    /// <summary>Completes when the first send reaches the gate, so a test can wait for it with a deadline instead of polling.</summary>
    public Task FirstAtGate => _firstAtGate.Task;

    private readonly TaskCompletionSource _firstAtGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    public async Task SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
        {
            Interlocked.Increment(ref _waiting);
            _firstAtGate.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _waiting);
        }
        if (Failing.Contains(email.To)) throw new MailRejectedException(email.To, 451, "mailbox temporarily unavailable");
        if (Rejected.Contains(email.To)) throw new MailRejectedException(email.To, 550, "no such user");
        Sent.Enqueue(email);
    }
}
