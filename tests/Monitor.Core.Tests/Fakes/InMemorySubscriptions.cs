using System.Collections.Concurrent;
using Monitor.Core.Messages;
using Monitor.Core.Storage;
using Monitor.Core.Subscriptions;

namespace Monitor.Core.Tests.Fakes;

internal sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly ConcurrentDictionary<string, Subscription> _all = new();
    private int _version;

    public Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_all.GetValueOrDefault(id));

    public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Subscription>>(_all.Values.OrderBy(s => s.Address).ToList());

    public Task SaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        _all[subscription.Id] = subscription;
        Interlocked.Increment(ref _version);
        return Task.CompletedTask;
    }

    public Task<bool> TryAddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var added = _all.TryAdd(subscription.Id, subscription);
        if (added) Interlocked.Increment(ref _version);
        return Task.FromResult(added);
    }

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture));
}

internal sealed class InMemoryDigestInbox : IDigestInbox
{
    private readonly ConcurrentDictionary<(string, string), (AlertMessage Alert, DateTimeOffset FiledAt)> _items = new();

    public int Count => _items.Count;

    public Task AddAsync(string subscriptionId, AlertMessage alert, DateTimeOffset filedAt, CancellationToken cancellationToken)
    {
        _items.TryAdd((subscriptionId, alert.AlertId), (alert, filedAt));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertMessage>> ListAsync(string subscriptionId, DateTimeOffset filedBefore, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AlertMessage>>(_items.Where(i => i.Key.Item1 == subscriptionId && i.Value.FiledAt < filedBefore).Select(i => i.Value.Alert).ToList());

    public Task RemoveAsync(string subscriptionId, IEnumerable<string> alertIds, CancellationToken cancellationToken)
    {
        foreach (var id in alertIds) _items.TryRemove((subscriptionId, id), out _);
        return Task.CompletedTask;
    }
}

/// <summary>The once-ledger's contract in memory: a claim is a conditional insert, completion is final.</summary>
internal sealed class InMemoryOnceLedger : IOnceLedger
{
    private readonly ConcurrentDictionary<OnceKey, OnceRecord> _records = new();

    public Task<OnceClaim> ClaimAsync(OnceKey key, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            if (_records.TryGetValue(key, out var existing))
            {
                if (existing.State == OnceState.Done) return Task.FromResult(new OnceClaim(ClaimOutcome.AlreadyDone, key, owner, leaseUntil, null));
                if (existing.Owner != owner)
                    return Task.FromResult(new OnceClaim(ClaimOutcome.HeldByOther, key, owner, leaseUntil, null));
            }
            _records[key] = new OnceRecord(key, OnceState.Pending, owner, leaseUntil, 1, null);
            return Task.FromResult(new OnceClaim(ClaimOutcome.Claimed, key, owner, leaseUntil, "1"));
        }
    }

    public Task CompleteAsync(OnceClaim claim, CancellationToken cancellationToken)
    {
        _records[claim.Key] = new OnceRecord(claim.Key, OnceState.Done, claim.Owner, claim.LeaseUntil, 1, DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(OnceClaim claim, CancellationToken cancellationToken)
    {
        _records.TryRemove(claim.Key, out _);
        return Task.CompletedTask;
    }

    public Task<OnceRecord?> GetAsync(OnceKey key, CancellationToken cancellationToken) => Task.FromResult(_records.GetValueOrDefault(key));
}

internal sealed class RecordingWebhookSender : IWebhookSender
{
    public ConcurrentQueue<WebhookRequest> Posted { get; } = new();

    public Task PostAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        Posted.Enqueue(request);
        return Task.CompletedTask;
    }
}
