using System.Diagnostics;
using System.Text;
using MinistryMonitor.Core.Politeness;
using Xunit.Abstractions;

namespace MinistryMonitor.Core.Tests.Politeness;

public sealed class RobotsTxtTests(ITestOutputHelper output)
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

    [Fact]
    public void IsAllowed_ManyStarsThatNearlyMatch_AnswersInWellUnderASecond()
    {
        // The rule that held a backtracking matcher for minutes: 18 stars, then a piece that never matches a path of a's.
        var rule = "/" + string.Concat(Enumerable.Repeat("*a", 18)) + " b";

        var (allowed, took) = TimedCheck($"User-agent: *\nDisallow: {rule}\n", 4000);

        Assert.True(allowed);
        Assert.True(took < TimeSpan.FromMilliseconds(250), $"one check took {took.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void IsAllowed_HalfAMegabyteOfStarRules_AnswersInWellUnderASecond()
    {
        // As much robots.txt as is read (500 KiB), every line a pathological rule, against a long URL.
        var builder = new StringBuilder("User-agent: *\n");
        var i = 0;
        while (builder.Length < RobotsTxt.MaxBytes - 100) builder.Append("Disallow: /").Append(string.Concat(Enumerable.Repeat("*a", 20))).Append(i++ % 10).Append("b\n");

        var (allowed, took) = TimedCheck(builder.ToString(), 2000);

        Assert.True(allowed);
        Assert.True(took < TimeSpan.FromSeconds(1), $"one check against {i} rules took {took.TotalMilliseconds:0} ms");
    }

    /// <summary>Parses <paramref name="robots"/>, then times one check of a path of <paramref name="length"/> a's (the parse is not timed).</summary>
    private (bool Allowed, TimeSpan Took) TimedCheck(string robots, int length)
    {
        var parsed = RobotsTxt.Parse(robots, "MinistryMonitor");
        var url = new Uri("https://mid.example/" + new string('a', length));
        var clock = Stopwatch.StartNew();
        var allowed = parsed.IsAllowed(url);
        clock.Stop();
        output.WriteLine($"{robots.Length} bytes of robots.txt, a path of {length} characters: one check took {clock.Elapsed.TotalMilliseconds:0.###} ms");
        return (allowed, clock.Elapsed);
    }

    [Theory]
    [InlineData("/a/x/b", false)]
    [InlineData("/a/b", false)]
    [InlineData("/ab", true)]
    [InlineData("/a/x/b/c", true)]
    [InlineData("/a/x/b?q", true)]
    public void IsAllowed_StarAndEndAnchor_MatchAsRfc9309Says(string path, bool allowed) =>
        Assert.Equal(allowed, Allowed("User-agent: *\nDisallow: /a*/b$\n", path));

    [Fact]
    public void IsAllowed_UnencodedUnicodeInTheUrl_IsComparedEncoded()
    {
        // Google leaves encoding the URL to the caller; here Uri is the caller, and encodes it.
        Assert.False(Allowed("User-agent: *\nDisallow: /foo/bar/ツ\n", "/foo/bar/ツ"));
    }

    [Theory]
    [InlineData("MinistryMonitor/1.0 (+https://x)", "MinistryMonitor")]
    [InlineData("Foo Bar", "Foo")]
    [InlineData("Foo_Bar-Baz/2", "Foo_Bar-Baz")]
    [InlineData("/1.0", "")]
    public void ProductTokenOf_UserAgent_IsItsLeadingLettersDashesAndUnderscores(string userAgent, string token) =>
        Assert.Equal(token, RobotsTxt.ProductTokenOf(userAgent));
}
