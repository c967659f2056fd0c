using MinistryMonitor.Core.Health;

namespace MinistryMonitor.Core.Storage;

/// <summary>Per-source state: when it was last scheduled (so the timer enqueues only due sources) and how it is faring.</summary>
public interface ISourceStateStore
{
    Task<DateTimeOffset?> GetLastScheduledAsync(string sourceId, CancellationToken cancellationToken);

    Task SetLastScheduledAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The site asked (Retry-After) not to be read before <paramref name="until"/>: the source is not scheduled until then.</summary>
    Task DeferAsync(string sourceId, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Until when the source is deferred (<see cref="DeferAsync"/>), or null.</summary>
    Task<DateTimeOffset?> GetDeferredUntilAsync(string sourceId, CancellationToken cancellationToken);
    /// <summary>When the source's recent statements were last swept for rechecks that look for withdrawals.</summary>
    Task<DateTimeOffset?> GetLastSweptAsync(string sourceId, CancellationToken cancellationToken);

    Task SetLastSweptAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records a discovery at <paramref name="at"/>: healthy when <paramref name="failure"/> is null, else failed for that
    /// reason. Counts discoveries that failed in a row (a healthy one resets the count) and returns the count before and
    /// after, and whether the operators were told of the current incident. <paramref name="foundNew"/> marks that it
    /// found an item not archived yet. <paramref name="skipped"/> is what a healthy discovery found and skipped
    /// ("found 39, skipped 1: javascript: link"), kept until the next healthy discovery.
    /// </summary>
    Task<DiscoveryTally> RecordDiscoveryAsync(string sourceId, DateTimeOffset at, string? failure, bool foundNew, CancellationToken cancellationToken, string? skipped = null);

    /// <summary>Remembers that the operators were told the source is failing (true), or that it recovered (false), so each is told once per incident.</summary>
    Task SetIncidentAlertedAsync(string sourceId, bool alerted, CancellationToken cancellationToken);

    /// <summary>What the discoveries recorded, per source id (sources never discovered are absent).</summary>
    Task<IReadOnlyDictionary<string, SourceHealthState>> ReadHealthAsync(CancellationToken cancellationToken);
}

/// <summary>Failed discoveries in a row before and after the one recorded, and whether an alert for this incident was raised.</summary>
public sealed record DiscoveryTally(int Before, int After, bool IncidentAlerted);
