namespace Monitor.Core.Messages;

/// <summary>
/// One statement that is new or changed. Carries references only: when the feed holds the statement's
/// HTML, <see cref="FeedBlob"/> names the archived copy of that feed and <see cref="ItemKey"/> the item in it.
/// </summary>
public sealed record FetchRequest(
    string SourceId,
    string StatementId,
    string ItemKey,
    Uri Url,
    string? FeedBlob,
    DateTimeOffset DiscoveredAt);
