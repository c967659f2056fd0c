namespace Monitor.Core.Fetching;

/// <summary>An item of an RSS 2.0 or Atom feed. <see cref="ContentHtml"/> is set only when the feed carries the full text.</summary>
public sealed record FeedItem(string Key, Uri Url, string? Title, DateTimeOffset? Published, string? Author, string? ContentHtml);
