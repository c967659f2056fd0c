namespace MinistryMonitor.Core.Messages;

/// <summary>Asks the discover stage to read one source's feed or listing page.</summary>
/// <param name="PageUrl">
/// A later page of the feed or listing that a catch-up follows (null: the source's own page). It travels with its
/// <paramref name="Page"/> number, so a redelivered message reads the same page and counts the same bound.
/// </param>
public sealed record DiscoverRequest(string SourceId, DateTimeOffset RequestedAt, Uri? PageUrl = null, int Page = 1);
