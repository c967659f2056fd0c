namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// An entry of a feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0). <see cref="ContentHtml"/> is set only when the feed carries the
/// full text. <see cref="Key"/> identifies the statement: the entry's id (guid), else its link.
/// </summary>
/// <param name="Published">When it was published, else its latest update: the date the statement carries.</param>
/// <param name="Id">The entry's own id (RSS guid, Atom id), if it has one.</param>
/// <param name="Updated">The latest of the entry's update dates, if any.</param>
public sealed record FeedItem(string Key, Uri Url, string? Title, DateTimeOffset? Published, string? Author, string? ContentHtml,
    string? Id = null, DateTimeOffset? Updated = null);
