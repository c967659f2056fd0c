using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Configuration;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// The current <see cref="SubscriptionSnapshot"/>: each call reads the store's version stamp (one small read) and
/// rebuilds the snapshot and its automaton only when a subscription changed, so new subscribers and their own
/// terms take effect at the next message, with no redeploy. Shared by all messages of a host.
/// </summary>
public sealed class SubscriptionDirectory(MonitorConfiguration configuration, ISubscriptionStore store, ILogger<SubscriptionDirectory> logger)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile SubscriptionSnapshot? _current;

    public async Task<SubscriptionSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(cancellationToken);
        var current = _current;
        if (current is not null && current.Version == version) return current;

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && current.Version == version) return current;
            var subscriptions = await store.ListAsync(cancellationToken);
            // The version read before the list: a change in between makes the next call rebuild again, never miss it.
            var snapshot = new SubscriptionSnapshot(version, configuration.Topics, subscriptions);
            logger.LogInformation("Subscriptions at version {Version}: {Count} subscriptions, {Topics} topics compiled",
                version, subscriptions.Count, snapshot.Detector.Topics.Count);
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>The language of a source, for the subscriptions' language filters; null for a source no longer configured.</summary>
    public string? LanguageOf(string sourceId) =>
        configuration.Sources.FirstOrDefault(s => s.Id == sourceId)?.Language;
}
