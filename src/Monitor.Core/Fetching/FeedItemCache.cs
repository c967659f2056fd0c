namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// The items of recently archived feeds, parsed once. A feed's statements arrive as one fetch message each, and
/// without this every one of them read the whole feed blob back and parsed it again: n reads and n parses of the
/// same feed for n items. Archived feed blobs are write-once and named by content hash, so a cached parse never
/// goes stale. Bounded: the oldest feeds are dropped first.
/// </summary>
public sealed class FeedItemCache
{
    /// <summary>Feeds kept; a cycle's feed items are fetched close together, so a few dozen cover them.</summary>
    public const int Capacity = 64;

    private readonly Dictionary<string, Lazy<Task<IReadOnlyList<FeedItem>>>> _feeds = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>The feed's items, from the cache or from <paramref name="load"/> (called once per feed even when many items ask at once).</summary>
    public async Task<IReadOnlyList<FeedItem>> GetAsync(string feedBlob, Func<Task<IReadOnlyList<FeedItem>>> load)
    {
        Lazy<Task<IReadOnlyList<FeedItem>>> entry;
        lock (_lock)
        {
            if (!_feeds.TryGetValue(feedBlob, out entry!))
            {
                entry = new Lazy<Task<IReadOnlyList<FeedItem>>>(load);
                _feeds[feedBlob] = entry;
                _order.Enqueue(feedBlob);
                while (_order.Count > Capacity) _feeds.Remove(_order.Dequeue());
            }
        }
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed read is not kept: the retry of the message loads the feed again.
            lock (_lock)
            {
                if (_feeds.TryGetValue(feedBlob, out var current) && current == entry) _feeds.Remove(feedBlob);
            }
            throw;
        }
    }
}
