using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Politeness;

namespace MinistryMonitor.Core.Tests.Politeness;

public sealed class HostThrottleTests
{
    private static readonly Uri Mid = new("https://mid.example/news/1");
    private static readonly Uri Other = new("https://mfa.example/news/1");

    [Fact]
    public async Task EnterAsync_SecondRequestToTheSameHost_WaitsTheMinimumDelay()
    {
        var time = new FakeTimeProvider();
        var throttle = new HostThrottle(new PolitenessSettings("MinistryMonitor/1.0", TimeSpan.FromSeconds(2), 4), time);

        using var first = await throttle.EnterAsync(Mid, null, CancellationToken.None);
        var second = throttle.EnterAsync(Mid, null, CancellationToken.None);
        var elsewhere = throttle.EnterAsync(Other, null, CancellationToken.None);

        Assert.True(elsewhere.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        (await second).Dispose();
        (await elsewhere).Dispose();
    }

    [Fact]
    public async Task EnterAsync_CrawlDelayLongerThanTheMinimum_SpacesByTheCrawlDelay()
    {
        var time = new FakeTimeProvider();
        var throttle = new HostThrottle(new PolitenessSettings("MinistryMonitor/1.0", TimeSpan.FromSeconds(1), 4), time);

        (await throttle.EnterAsync(Mid, TimeSpan.FromSeconds(5), CancellationToken.None)).Dispose();
        var next = throttle.EnterAsync(Mid, TimeSpan.FromSeconds(5), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await next).Dispose();
    }

    [Fact]
    public async Task EnterAsync_MoreThanTheConcurrencyLimit_WaitsForASlotToBeReleased()
    {
        var time = new FakeTimeProvider();
        var throttle = new HostThrottle(new PolitenessSettings("MinistryMonitor/1.0", TimeSpan.Zero, 2), time);

        var a = await throttle.EnterAsync(Mid, null, CancellationToken.None);
        var b = await throttle.EnterAsync(Mid, null, CancellationToken.None);
        var c = throttle.EnterAsync(Mid, null, CancellationToken.None);

        Assert.False(c.IsCompleted);
        a.Dispose();
        (await c).Dispose();
        b.Dispose();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(5, 10)]
    [InlineData(500, 900)]
    public void DelayOf_NthPageFetch_IsSpacedAndCappedAtTheInterval(int index, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), FetchSpacing.DelayOf(index, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void SpacingFor_CrawlDelay_IsCappedAtSixtySeconds()
    {
        var settings = new PolitenessSettings("MinistryMonitor/1.0 (+https://x)", TimeSpan.FromSeconds(1), 2);

        Assert.Equal(TimeSpan.FromSeconds(60), settings.SpacingFor(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), settings.SpacingFor(null));
        Assert.Equal("MinistryMonitor", settings.ProductToken);
    }
}
