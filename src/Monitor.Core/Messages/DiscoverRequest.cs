namespace Monitor.Core.Messages;

/// <summary>Asks the discover stage to read one source's feed or listing page.</summary>
public sealed record DiscoverRequest(string SourceId, DateTimeOffset RequestedAt);
