namespace MinistryMonitor.Core.Health;

/// <summary>What the discover stage records about a source after each discovery (one row per source).</summary>
public sealed record SourceHealthState(
    string SourceId,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastFailureReason,
    int ConsecutiveFailures,
    DateTimeOffset? LastNewItem,
    string? LastSkipped = null);
