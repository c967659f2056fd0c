using MinistryMonitor.Core.Fetching;

namespace MinistryMonitor.Core.Tests.Fetching;

public sealed class FeedItemCacheTests
{
    private static readonly IReadOnlyList<FeedItem> Items = [new("k", new Uri("https://mfa.example/1"), "t", null, null, "<p>x</p>")];

    [Fact]
    public async Task GetAsync_ManyItemsOfOneFeedAtOnce_LoadsTheFeedOnce()
    {
        var cache = new FeedItemCache();
        var loads = 0;
        var gate = new TaskCompletionSource();

        var readers = Enumerable.Range(0, 20).Select(_ => cache.GetAsync("mfa/2025/01/01/abc.xml", async () =>
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return Items;
        })).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(readers), items => Assert.Same(Items, items));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task GetAsync_LoadFails_IsNotCachedSoTheRetryLoadsAgain()
    {
        var cache = new FeedItemCache();

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("f.xml", () => throw new InvalidOperationException("missing")));
        var items = await cache.GetAsync("f.xml", () => Task.FromResult(Items));

        Assert.Same(Items, items);
    }

    [Fact]
    public async Task GetAsync_MoreFeedsThanCapacity_DropsTheOldest()
    {
        var cache = new FeedItemCache();
        var loads = 0;
        Task<IReadOnlyList<FeedItem>> Load()
        {
            loads++;
            return Task.FromResult(Items);
        }

        for (var i = 0; i <= FeedItemCache.Capacity; i++) await cache.GetAsync($"feed-{i}.xml", Load);
        await cache.GetAsync($"feed-{FeedItemCache.Capacity}.xml", Load);
        await cache.GetAsync("feed-0.xml", Load);

        Assert.Equal(FeedItemCache.Capacity + 2, loads);
    }
}
