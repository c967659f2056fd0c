using MinistryMonitor.Core.Fetching;

namespace MinistryMonitor.Core.Extraction;

/// <summary>A statement's HTML as fetched: a page, or an item of a feed that carries full content.</summary>
public sealed record RawStatement(Uri Url, byte[] Content, string? ContentType, FeedItem? FeedItem);
