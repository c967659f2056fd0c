using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Configuration;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// Imports the subscribers of <c>subscriptions.json</c> into the store. Idempotent: an address the store already
/// knows, even one that has since unsubscribed, is left alone, so the file never overrides the subscribers' choices.
/// The operator wrote the file, so imported subscriptions are active at once.
/// </summary>
public sealed class SubscriptionImporter(MonitorConfiguration configuration, ISubscriptionStore store, TimeProvider time, ILogger<SubscriptionImporter> logger)
{
    public async Task<int> ImportAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var subscriber in configuration.Subscribers)
        {
            var now = time.GetUtcNow();
            var subscription = new Subscription
            {
                Address = subscriber.Email,
                Name = subscriber.Name,
                Topics = subscriber.Topics,
                Status = SubscriptionStatus.Active,
                CreatedAt = now,
                ConfirmedAt = now,
                Origin = "import",
            };
            if (await store.TryAddAsync(subscription, cancellationToken)) added++;
        }
        if (added > 0) logger.LogInformation("Imported {Count} subscribers from the subscriptions file", added);
        return added;
    }
}
