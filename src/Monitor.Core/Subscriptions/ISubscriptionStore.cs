namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// The subscriptions (Table Storage in production). Every change moves a version stamp, so the detector and the
/// delivery stage pick up new topics and subscribers without a redeploy.
/// </summary>
public interface ISubscriptionStore
{
    Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the subscription of this address.</summary>
    Task SaveAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Inserts the subscription unless the address has one already (even an unsubscribed one); false if it had.</summary>
    Task<bool> TryAddAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="current"/> only if it is still stored as it was read; false if it changed since.</summary>
    Task<bool> TryReplaceAsync(Subscription current, Subscription replacement, CancellationToken cancellationToken);

    /// <summary>Changes whenever any subscription does.</summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken);
}
