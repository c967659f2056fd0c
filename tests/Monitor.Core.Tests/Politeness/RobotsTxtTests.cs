using Monitor.Core.Politeness;

namespace Monitor.Core.Tests.Politeness;

public sealed class RobotsTxtTests
{
    private const string MidRu = """
        # as mid.ru forbids paging
        User-agent: *
        Disallow: /*?PAGEN
        Disallow: /search/
        Allow: /search/help
        Crawl-delay: 5

        User-agent: Yandex
        Disallow:
        """;

    private static bool Allowed(string robots, string url, string token = "MinistryMonitor") =>
        RobotsTxt.Parse(robots, token).IsAllowed(new Uri("https://mid.example" + url));

    [Theory]
    [InlineData("/ru/foreign_policy/news/", true)]
    [InlineData("/ru/foreign_policy/news/?PAGEN_1=2", false)]
    [InlineData("/search/?q=x", false)]
    [InlineData("/search/help", true)]
    [InlineData("/robots.txt", true)]
    public void IsAllowed_StarGroup_LongestMatchDecides(string path, bool allowed) => Assert.Equal(allowed, Allowed(MidRu, path));

    [Fact]
    public void IsAllowed_GroupForOurProductToken_ReplacesTheStarGroup()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: MinistryMonitor\nUser-agent: other\nDisallow: /private\n";

        Assert.True(Allowed(robots, "/news/1"));
        Assert.False(Allowed(robots, "/private/x"));
        Assert.False(Allowed(robots, "/news/1", token: "SomeoneElse"));
    }

    [Fact]
    public void IsAllowed_EqualLengthAllowAndDisallow_AllowWins()
    {
        Assert.True(Allowed("User-agent: *\nDisallow: /page\nAllow: /page\n", "/page"));
    }

    [Theory]
    [InlineData("/a.pdf", false)]
    [InlineData("/a.pdf?x=1", true)]
    [InlineData("/a.PDF", true)]
    public void IsAllowed_DollarAnchorsTheEnd(string path, bool allowed) => Assert.Equal(allowed, Allowed("User-agent: *\nDisallow: /*.pdf$\n", path));

    [Fact]
    public void IsAllowed_NonAsciiPathsCompareEncoded()
    {
        Assert.False(Allowed("User-agent: *\nDisallow: /новости/\n", "/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1"));
    }

    [Fact]
    public void Parse_CrawlDelay_IsTheGroupsAndCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RobotsTxt.Parse(MidRu, "MinistryMonitor").CrawlDelay);
        Assert.Equal(TimeSpan.FromSeconds(3600), RobotsTxt.Parse("User-agent: *\nCrawl-delay: 99999\n", "x").CrawlDelay);
    }

    [Fact]
    public void DisallowAll_RefusesEverythingButRobotsTxt()
    {
        Assert.False(RobotsTxt.DisallowAll.IsAllowed(new Uri("https://a.example/")));
        Assert.True(RobotsTxt.DisallowAll.IsAllowed(new Uri("https://a.example/robots.txt")));
        Assert.Equal("Disallow: /", RobotsTxt.DisallowAll.DecidingRule(new Uri("https://a.example/x")));
    }
}
