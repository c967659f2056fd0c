namespace MinistryMonitor.Core.Messages;

/// <summary>
/// One statement that is new or changed. Carries references only: when the feed holds the statement's
/// HTML, <see cref="FeedBlob"/> names the archived copy of that feed and <see cref="ItemKey"/> the item in it, and
/// <see cref="FeedContentType"/> keeps the feed's HTTP Content-Type (its charset may be the only one there is).
/// <see cref="Recheck"/> marks an archived page fetched again for edits: it is fetched conditionally.
/// <see cref="WithdrawalCheck"/> marks an archived statement's page fetched only to see whether it is still there
/// (<c>Withdrawals</c>): nothing is archived from it.
/// </summary>
public sealed record FetchRequest(
    string SourceId,
    string StatementId,
    string ItemKey,
    Uri Url,
    string? FeedBlob,
    DateTimeOffset DiscoveredAt,
    string? FeedContentType = null,
    bool Recheck = false,
    bool WithdrawalCheck = false);
