using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Politeness;

namespace MinistryMonitor.Core.Tests.Politeness;

public sealed class RobotsCacheTests
{
    private static readonly Uri Page = new("https://mid.example/news/1");

    [Fact]
    public async Task GetAsync_WithinADay_LoadsRobotsTxtOncePerHost()
    {
        var time = new FakeTimeProvider();
        var cache = new RobotsCache(time);
        var loads = new List<Uri>();
        Task<(RobotsTxt, RobotsFailure?)> Load(Uri url, CancellationToken _)
        {
            loads.Add(url);
            return Task.FromResult<(RobotsTxt, RobotsFailure?)>((RobotsTxt.Parse("User-agent: *\nDisallow: /private/", "MinistryMonitor"), null));
        }

        await cache.GetAsync(Page, Load, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(23));
        var robots = await cache.GetAsync(new Uri("https://mid.example/private/2"), Load, CancellationToken.None);
        await cache.GetAsync(new Uri("https://mfa.example/"), Load, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2));
        await cache.GetAsync(Page, Load, CancellationToken.None);

        Assert.Equal(["https://mid.example/robots.txt", "https://mfa.example/robots.txt", "https://mid.example/robots.txt"], loads.Select(u => u.AbsoluteUri));
        Assert.False(robots.Rules.IsAllowed(new Uri("https://mid.example/private/2")));
    }

    [Fact]
    public async Task GetAsync_RobotsTxtUnreadable_IsTriedAgainAfterFiveMinutes()
    {
        var time = new FakeTimeProvider();
        var cache = new RobotsCache(time);
        var loads = 0;
        Task<(RobotsTxt, RobotsFailure?)> Load(Uri url, CancellationToken _) =>
            Task.FromResult<(RobotsTxt, RobotsFailure?)>(++loads == 1 ? (RobotsTxt.DisallowAll, new RobotsFailure("HTTP 503", 503, false)) : (RobotsTxt.AllowAll, null));

        var first = await cache.GetAsync(Page, Load, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(4));
        var stillFailing = await cache.GetAsync(Page, Load, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        var recovered = await cache.GetAsync(Page, Load, CancellationToken.None);

        Assert.True(first.Unreachable);
        Assert.True(stillFailing.Unreachable);
        Assert.Equal((false, true), (recovered.Unreachable, recovered.Rules.IsAllowed(Page)));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task GetAsync_UnreachableWithRetryAfter_IsTriedAgainWhenTheHostAsked()
    {
        var time = new FakeTimeProvider();
        var cache = new RobotsCache(time);
        var loads = 0;
        Task<(RobotsTxt, RobotsFailure?)> Load(Uri url, CancellationToken _) =>
            Task.FromResult<(RobotsTxt, RobotsFailure?)>(++loads == 1
                ? (RobotsTxt.DisallowAll, new RobotsFailure("HTTP 429", 429, false, TimeSpan.FromMinutes(30)))
                : (RobotsTxt.AllowAll, null));

        var first = await cache.GetAsync(Page, Load, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(29));
        await cache.GetAsync(Page, Load, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        var recovered = await cache.GetAsync(Page, Load, CancellationToken.None);

        Assert.Equal(time.GetUtcNow() - TimeSpan.FromMinutes(31), first.Expires - TimeSpan.FromMinutes(30));
        Assert.False(recovered.Unreachable);
        Assert.Equal(2, loads);
    }
}
