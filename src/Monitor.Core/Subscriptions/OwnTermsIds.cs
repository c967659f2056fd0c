using Microsoft.Extensions.Logging;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// Gives each stored subscription with own terms but no <see cref="Subscription.OwnTermsId"/> a random one. Those
/// terms once took an id derived from the address, which reached public listings; a subscription stored then has
/// no id of its own, and its terms alert nobody until this has run (at start-up, before any message is handled).
/// Idempotent, and safe with several hosts starting at once: a subscription is replaced only as it was read.
/// </summary>
public sealed class OwnTermsIds(ISubscriptionStore store, ILogger<OwnTermsIds> logger)
{
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var migrated = 0;
        foreach (var subscription in await store.ListAsync(cancellationToken))
        {
            if (subscription.Terms.Count == 0 || subscription.OwnTermsId is not null) continue;
            // False: another host gave it an id (or it changed) since the list; its id, whichever, is then stored.
            if (await store.TryReplaceAsync(subscription, subscription with { OwnTermsId = Subscription.NewOwnTermsId() }, cancellationToken))
                migrated++;
        }
        if (migrated > 0) logger.LogInformation("Gave {Count} subscriptions' own terms a private id", migrated);
        return migrated;
    }
}
