using System.Collections.Concurrent;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Core.Tests.Fakes;

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

    public Task<bool> TryReplaceAsync(Subscription current, Subscription replacement, CancellationToken cancellationToken)
    {
        var replaced = _all.TryUpdate(current.Id, replacement, current);
        if (replaced) Interlocked.Increment(ref _version);
        return Task.FromResult(replaced);
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

internal sealed class RecordingWebhookSender : IWebhookSender
{
    public ConcurrentQueue<WebhookRequest> Posted { get; } = new();

    public Task PostAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        Posted.Enqueue(request);
        return Task.CompletedTask;
    }
}
